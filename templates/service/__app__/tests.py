"""API tests of {{service}}, generated with the service: one test case per model.

CI runs them (python manage.py test) before it builds an image. They are yours now: the
portal never regenerates this file.
"""
from django.contrib.auth import get_user_model
from django.core.cache import cache
from rest_framework import status, test
{{#api.token}}
from rest_framework.authtoken.models import Token
{{/api.token}}

from . import models

# Anonymous clients are refused with 401 (token authentication asks for credentials) or
# 403 (session authentication only).
REFUSED = (status.HTTP_401_UNAUTHORIZED, status.HTTP_403_FORBIDDEN)


def sign_in(client, staff):
    """Authenticate `client` as a new user the way real clients do, and return the user."""
    user = get_user_model().objects.create_user(
        username="staff" if staff else "member", password="not-used-by-tests", is_staff=staff
    )
{{#api.token}}
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
{{/api.token}}
{{^api.token}}
    client.force_login(user)
{{/api.token}}
    return user
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

    def test_readyz_checks_the_database(self):
        response = self.client.get("/readyz", HTTP_HOST="10.1.2.3:8000")
        self.assertEqual(response.status_code, status.HTTP_200_OK)
{{#api.token}}


class TokenTests(test.APITestCase):
    def test_password_buys_a_token_that_authenticates(self):
        cache.clear()
        user = get_user_model().objects.create_user(username="client", password="a-long-pass-phrase")
        response = self.client.post(
            "/api/auth/token/", {"username": "client", "password": "a-long-pass-phrase"}, format="json"
        )
        self.assertEqual(response.status_code, status.HTTP_200_OK)
        self.assertEqual(response.data["token"], Token.objects.get(user=user).key)
        wrong = self.client.post(
            "/api/auth/token/", {"username": "client", "password": "wrong"}, format="json"
        )
        self.assertEqual(wrong.status_code, status.HTTP_400_BAD_REQUEST)
{{/api.token}}
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
        # Throttle counts live in the cache: every test starts with a fresh allowance.
        cache.clear()
        sign_in(self.client, staff={{api.staffLiteral}})

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

    def test_anonymous_clients(self):
        self.client.credentials()
        self.client.logout()
        row = make_{{snake}}(self.made)
        listed = self.client.get(self.url)
{{#api.readAnyone}}
        self.assertEqual(listed.status_code, status.HTTP_200_OK)
{{/api.readAnyone}}
{{^api.readAnyone}}
        self.assertIn(listed.status_code, REFUSED)
        self.assertIn(self.client.get(self.detail(row)).status_code, REFUSED)
{{/api.readAnyone}}
        created = self.client.post(self.url, self.payload(self.create_values), format="json")
        deleted = self.client.delete(self.detail(row))
{{#api.writeAnyone}}
        # The request opened writes to anonymous clients.
        self.assertEqual(created.status_code, status.HTTP_201_CREATED, created.data)
        self.assertEqual(deleted.status_code, status.HTTP_204_NO_CONTENT)
{{/api.writeAnyone}}
{{^api.writeAnyone}}
        self.assertIn(created.status_code, REFUSED)
        self.assertIn(deleted.status_code, REFUSED)
        self.assertTrue(models.{{name}}.objects.filter(pk=row.pk).exists())
        self.assertEqual(models.{{name}}.objects.count(), 1)
{{/api.writeAnyone}}
{{#api.writeStaff}}

    def test_users_who_are_not_staff_only_read(self):
        self.client.credentials()
        self.client.logout()
        sign_in(self.client, staff=False)
        row = make_{{snake}}(self.made)
        self.assertEqual(self.client.get(self.detail(row)).status_code, status.HTTP_200_OK)
        self.assertEqual(self.client.delete(self.detail(row)).status_code, status.HTTP_403_FORBIDDEN)
        self.assertTrue(models.{{name}}.objects.filter(pk=row.pk).exists())
{{/api.writeStaff}}
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
