{{{description.docstring}}}
