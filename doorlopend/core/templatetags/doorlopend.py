from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from doorlopend.core.dashboard import dashboard_questions_ask
from doorlopend.core.submit_once import FIELD as SUBMIT_ONCE_FIELD
from doorlopend.core.submit_once import submit_once_key

register = template.Library()


@register.simple_tag(takes_context=True)
def page_url(context, number: int) -> str:
    """The current address with `page` set to `number`, keeping any filters."""
    query = context["request"].GET.copy()
    query["page"] = number
    return "?" + query.urlencode()


@register.simple_tag(takes_context=True)
def dashboard_cards(context) -> str:
    """The cards other apps register for the overview page (core.dashboard), those the
    member may see in the order that leads with their role's, each rendered as its app's
    inclusion tag would render it (a card with nothing for this member is left out)."""
    engine = context.template.engine
    rendered = []
    # Every card's counts in one query first (the page may have asked them already).
    for card in dashboard_questions_ask(context["request"]):
        card_context = card.context(context)
        if card_context is not None:
            template = engine.get_template(card.template)
            rendered.append(template.render(context.new(card_context)))
    # The cards are rendered templates, escaped there.
    return mark_safe("".join(rendered))


@register.simple_tag
def submit_once_field() -> str:
    """The hidden key that makes a create form's repeats answer with the first result
    (core.submit_once)."""
    return format_html(
        '<input type="hidden" name="{}" value="{}">',
        SUBMIT_ONCE_FIELD,
        submit_once_key(),
    )
