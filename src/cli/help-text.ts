export const HELP_TEXT = `devportal — check and render Dev Portal service requests, offline.

A request (.devportal.yml) describes a Django REST service: its models, and how it deploys.
The Dev Portal GitHub App turns it into two repositories; this command shows you exactly what
it would write, without touching GitHub.

Usage:
  devportal validate <request.yml> [--settings <settings.yml>]
      Check a request. Exit 0 when valid; 1 with every problem listed, one per line,
      each naming the key and how to fix it.

  devportal render <request.yml> --out <dir> [options]
      Write the service to <dir>/repository-a/ (the Django service, its CI workflow)
      and its deployment to <dir>/repository-b/ (apps/<service>/ for Argo CD), then
      print the plan: repositories, paths and files.
        --settings <file>  portal settings (.github/devportal.yml); defaults otherwise
        --owner <org>      organisation of the repositories (overrides the settings)
        --tag <tag>        image tag deployed by repository-b (default: latest)
        --json             print the plan as JSON instead of text

  devportal schema
      Print the JSON Schema of .devportal.yml (for editor completion).

  devportal --help | --version

Examples:
  devportal validate examples/orders-api.devportal.yml
  devportal render examples/orders-api.devportal.yml --settings examples/settings.yml --out out
`;
