"""Create one group per role. Their permissions are attached after migrate (see
semilla.roles.sync_role_permissions), once every app's permissions exist."""

from django.db import migrations

ROLES = ["entrepreneur", "mentor", "reviewer", "judge", "programme_staff", "finance", "funder"]


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name in ROLES:
        Group.objects.get_or_create(name=name)


class Migration(migrations.Migration):
    dependencies = [
        ("semilla", "0002_homepage"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]
    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
