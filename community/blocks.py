"""The blocks of a guide: the curriculum's text blocks (heading, paragraph, callout), the
"what you need" items and the official sources. The curriculum's blocks are imported, not
copied, so a guide and a lesson render text the same way."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from curriculum.blocks import CalloutBlock, HeadingBlock, ParagraphBlock


class GuideStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    tip = CalloutBlock()


class NeedBlock(blocks.CharBlock):
    def __init__(self, **kwargs):
        super().__init__(max_length=300, **kwargs)

    class Meta:
        icon = "tick"
        label = _("Item")


class SourceBlock(blocks.StructBlock):
    institution = blocks.CharBlock(label=_("Institution"), max_length=150)
    title = blocks.CharBlock(label=_("What it says"), max_length=300)
    url = blocks.URLBlock(label=_("Official page"))

    class Meta:
        icon = "link"
        label = _("Official source")
        template = "community/blocks/source.html"
