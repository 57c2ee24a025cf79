import factory

from doorlopend.accounts.models import User

TEST_PASSWORD = "correct-horse-battery-staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    # Fixed-width numbers: no generated name can collide with a name a test looks
    # for (random Dutch names did: a coordinator "van Leeuwen" beside a pupil).
    name = factory.Sequence(lambda n: f"Medewerker {n:05d}")
    password = factory.PostGenerationMethodCall("set_password", TEST_PASSWORD)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()
