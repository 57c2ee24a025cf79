"""Factories for tenant data: each creates inside `scopes_disabled()`, the net stays on elsewhere."""

from datetime import timedelta

import factory
from django.utils import timezone
from django_scopes import scopes_disabled

from doorlopend.accounts.tests.factories import UserFactory
from doorlopend.partnerships.models import (
    Invitation,
    Membership,
    Organisation,
    Partnership,
    RoleAssignment,
)
from doorlopend.registry.models import Region, RegisterEntry


class ScopesDisabledFactory(factory.django.DjangoModelFactory):
    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        with scopes_disabled():
            return super()._create(model_class, *args, **kwargs)


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"{n + 1:02d}")
    name = factory.Sequence(lambda n: f"Regio {n + 1}")


def _brin(n: int) -> str:
    letters = "ABCDEFGHJKLMNPQRSTUVWXYZ"
    return f"{n % 100:02d}{letters[(n // 100) % 24]}{letters[(n // 2400) % 24]}"


class RegisterEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RegisterEntry

    sector = "vo"
    brin = factory.Sequence(_brin)
    vestiging = factory.LazyAttribute(
        lambda o: f"{o.brin}00" if o.sector == "vo" else ""
    )
    name = factory.Sequence(lambda n: f"Scholengemeenschap Test {n}")
    place = "Utrecht"
    education_structure = "VMBO/HAVO"


class PartnershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partnership

    name = factory.Sequence(lambda n: f"Samenwerkingsverband Noordwaard {n}")
    slug = factory.Sequence(lambda n: f"swv-noordwaard-{n}")


class OrganisationFactory(ScopesDisabledFactory):
    class Meta:
        model = Organisation

    partnership = factory.SubFactory(PartnershipFactory)
    name = factory.Sequence(lambda n: f"Organisatie {n}")
    kind = "gemeente"


class SchoolFactory(OrganisationFactory):
    kind = "vo"
    register_entry = factory.SubFactory(RegisterEntryFactory)
    name = factory.LazyAttribute(lambda o: o.register_entry.name)


class MembershipFactory(ScopesDisabledFactory):
    class Meta:
        model = Membership

    partnership = factory.SubFactory(PartnershipFactory)
    user = factory.SubFactory(UserFactory)


class RoleAssignmentFactory(ScopesDisabledFactory):
    class Meta:
        model = RoleAssignment

    membership = factory.SubFactory(MembershipFactory)
    role = "werkgroeplid"


class StaffMembershipFactory(MembershipFactory):
    """A member with a role on staff (werkgroeplid): one who opens the pages an owner
    select offers them for. A membership without roles opens nothing."""

    class Meta:
        skip_postgeneration_save = True

    role = factory.RelatedFactory(
        RoleAssignmentFactory, factory_related_name="membership", role="werkgroeplid"
    )


class InvitationFactory(ScopesDisabledFactory):
    class Meta:
        model = Invitation

    partnership = factory.SubFactory(PartnershipFactory)
    email = factory.Sequence(lambda n: f"invited{n}@example.org")
    role = "werkgroeplid"
    token_hash = factory.LazyFunction(lambda: Invitation.new_token()[1])
    expires_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=14))


def invitation_with_token(**kwargs) -> tuple[Invitation, str]:
    """An invitation and the token its e-mail would carry."""
    token, token_hash = Invitation.new_token()
    return InvitationFactory(token_hash=token_hash, **kwargs), token
