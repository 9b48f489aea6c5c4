"""`python manage.py migrate_locked`: migrate, one process at a time.

Every replica's init container runs this at once when a rollout starts. Two concurrent
`migrate` runs on an empty PostgreSQL fail (both create the same tables); here the first
takes a PostgreSQL advisory lock and migrates, the others wait for the lock, find nothing
left to apply and go on. The lock belongs to the database session, so a pod that dies
mid-migration releases it with its connection. SQLite services run one replica and
SQLite locks its file itself.
"""
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import DEFAULT_DB_ALIAS, connections

# Any fixed 64-bit number, the same in every replica: "migrate" in ASCII.
MIGRATION_LOCK = 0x6D696772617465


class Command(BaseCommand):
    help = "Apply migrations; concurrent runs on PostgreSQL take turns (advisory lock)."

    def handle(self, *args, **options):
        connection = connections[DEFAULT_DB_ALIAS]
        if connection.vendor != "postgresql":
            call_command("migrate", interactive=False, verbosity=options["verbosity"])
            return
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s)", [MIGRATION_LOCK])
        try:
            call_command("migrate", interactive=False, verbosity=options["verbosity"])
        finally:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [MIGRATION_LOCK])
