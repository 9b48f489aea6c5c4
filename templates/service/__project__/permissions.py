"""Who may use the API, as the portal request asked: reads {{api.read}}, writes {{api.write}}.

"anyone" includes anonymous clients; "authenticated" any signed-in user; "staff" users with
is_staff. Change READ and WRITE here (and the tests in {{app}}/tests.py) to change it.
"""
from rest_framework.permissions import SAFE_METHODS, BasePermission

READ = "{{api.read}}"
WRITE = "{{api.write}}"


class ApiAccess(BasePermission):
    def has_permission(self, request, view):
        level = READ if request.method in SAFE_METHODS else WRITE
        if level == "anyone":
            return True
        user = request.user
        if not (user and user.is_authenticated):
            return False
        return level != "staff" or user.is_staff
