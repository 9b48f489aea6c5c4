"""API tests of {{service}}, generated with the service: one test case per model.

CI runs them (python manage.py test) before it builds an image. They are yours now: the
portal never regenerates this file.
"""
from rest_framework import status, test

from . import models
{{#tests.makers}}


def make_{{snake}}(made):
    """A saved {{name}} and the rows it needs: one per test, shared through `made`."""
    if "{{name}}" not in made:
        made["{{name}}"] = models.{{name}}.objects.create(
{{#values}}
            {{name}}={{{code}}},
{{/values}}
        )
    return made["{{name}}"]
{{/tests.makers}}


class HealthTests(test.APITestCase):
    def test_healthz_answers_any_host(self):
        # Kubernetes probes send the pod IP as Host, which ALLOWED_HOSTS does not list.
        response = self.client.get("/healthz", HTTP_HOST="10.1.2.3")
        self.assertEqual(response.status_code, status.HTTP_200_OK)
{{#tests.cases}}


class {{name}}ApiTests(test.APITestCase):
    """Create, list, retrieve, update and delete through {{route}}."""

    url = {{{url}}}
    create_values = {{{create}}}
    update_values = {{{update}}}
    # Fields whose JSON comes back exactly as sent.
    compared = {{{compared}}}

    def setUp(self):
        self.made = {}

    def payload(self, values):
        """`values` and the ids of the rows this model cannot exist without."""
        return {
            **values,
{{#refs}}
            {{{name}}}: {{maker}}(self.made).pk,
{{/refs}}
        }

    def detail(self, row):
        return f"{self.url}{row.pk}/"

    def test_create(self):
        response = self.client.post(self.url, self.payload(self.create_values), format="json")
        self.assertEqual(response.status_code, status.HTTP_201_CREATED, response.data)
        self.assertTrue(models.{{name}}.objects.filter(pk=response.data["id"]).exists())
        for name in self.compared:
            self.assertEqual(response.data[name], self.create_values[name], name)

    def test_list(self):
        row = make_{{snake}}(self.made)
        response = self.client.get(self.url)
        self.assertEqual(response.status_code, status.HTTP_200_OK)
        self.assertEqual(response.data["count"], 1)
        self.assertEqual(response.data["results"][0]["id"], row.pk)

    def test_retrieve(self):
        row = make_{{snake}}(self.made)
        response = self.client.get(self.detail(row))
        self.assertEqual(response.status_code, status.HTTP_200_OK)
        self.assertEqual(response.data["id"], row.pk)

    def test_update(self):
        row = make_{{snake}}(self.made)
        response = self.client.put(self.detail(row), self.payload(self.update_values), format="json")
        self.assertEqual(response.status_code, status.HTTP_200_OK, response.data)
        for name in self.compared:
            self.assertEqual(response.data[name], self.update_values[name], name)

    def test_delete(self):
        row = make_{{snake}}(self.made)
        response = self.client.delete(self.detail(row))
        self.assertEqual(response.status_code, status.HTTP_204_NO_CONTENT)
        self.assertFalse(models.{{name}}.objects.filter(pk=row.pk).exists())
        self.assertEqual(self.client.get(self.detail(row)).status_code, status.HTTP_404_NOT_FOUND)
{{#invalid}}

{{#missing}}
    def test_create_without_required_field(self):
        payload = self.payload(self.create_values)
        del payload[{{{field}}}]
{{/missing}}
{{^missing}}
    def test_create_with_invalid_value(self):
        payload = self.payload(self.create_values)
        payload[{{{field}}}] = "not a valid value"
{{/missing}}
        response = self.client.post(self.url, payload, format="json")
        self.assertEqual(response.status_code, status.HTTP_400_BAD_REQUEST)
        self.assertIn({{{field}}}, response.data)
{{/invalid}}
{{/tests.cases}}
