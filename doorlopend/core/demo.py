"""What the demo loaders of the apps share: the password, who was made, and what to print."""

from dataclasses import dataclass, field

DEMO_PASSWORD = "doorlopend-demo-2026"
DEMO_DOMAIN = "example.org"


@dataclass
class DemoContext:
    """Passed from app to app: later loaders find the partnership and people made earlier."""

    stdout: object = None
    partnership: object = None
    people: dict = field(default_factory=dict)
    counts: dict = field(default_factory=dict)

    def count(self, what: str, created: int) -> None:
        self.counts[what] = self.counts.get(what, 0) + created

    def summary(self) -> str:
        made = " ".join(f"{what}={n}" for what, n in self.counts.items())
        return f"demo loaded: {made or 'nothing new'}"
