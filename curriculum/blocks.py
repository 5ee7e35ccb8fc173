"""The blocks of a lesson's body. Each block has its own template in
``templates/curriculum/blocks/``; none of them loads third-party content by itself."""

import re
from urllib.parse import parse_qs, urlparse

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from .enums import CalloutKind

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "h3", "h4"]

_VIDEO_ID = re.compile(r"^[A-Za-z0-9_-]{6,20}$")


def video_embed_url(url: str) -> str | None:
    """The privacy-friendly player URL for a YouTube or Vimeo link, or None when the link
    is neither (only those two hosts are allowed by the site's Content Security Policy)."""
    parsed = urlparse(url or "")
    host = (parsed.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    video_id = ""
    if host in ("youtube.com", "youtube-nocookie.com"):
        if parsed.path == "/watch":
            video_id = parse_qs(parsed.query).get("v", [""])[0]
        else:
            parts = [p for p in parsed.path.split("/") if p]
            if len(parts) == 2 and parts[0] in ("embed", "shorts", "live"):
                video_id = parts[1]
        if _VIDEO_ID.match(video_id):
            return f"https://www.youtube-nocookie.com/embed/{video_id}?autoplay=1"
    elif host == "youtu.be":
        video_id = parsed.path.strip("/")
        if _VIDEO_ID.match(video_id):
            return f"https://www.youtube-nocookie.com/embed/{video_id}?autoplay=1"
    elif host in ("vimeo.com", "player.vimeo.com"):
        parts = [p for p in parsed.path.split("/") if p]
        video_id = parts[-1] if parts else ""
        if video_id.isdigit():
            return f"https://player.vimeo.com/video/{video_id}?autoplay=1&dnt=1"
    return None


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        label = _("Heading")
        template = "curriculum/blocks/heading.html"
        form_classname = "title"


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=RICH_TEXT_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        template = "curriculum/blocks/paragraph.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        required=False,
        help_text=_(
            "Describe the image for people who cannot see it. Leave empty only if it is decorative."
        ),
    )
    caption = blocks.CharBlock(label=_("Caption"), max_length=250, required=False)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "curriculum/blocks/image.html"


class VideoBlock(blocks.StructBlock):
    url = blocks.URLBlock(label=_("YouTube or Vimeo link"))
    title = blocks.CharBlock(label=_("Video title"), max_length=150)
    summary = blocks.TextBlock(
        label=_("What the video says"),
        help_text=_("Required: the lesson must work without the video (slow data, no sound)."),
    )
    minutes = blocks.IntegerBlock(
        label=_("Length in minutes"), min_value=1, max_value=180, required=False
    )

    class Meta:
        icon = "media"
        label = _("Video")
        template = "curriculum/blocks/video.html"

    def clean(self, value):
        value = super().clean(value)
        if video_embed_url(value.get("url")) is None:
            raise StructBlockValidationError(
                block_errors={
                    "url": ErrorList([ValidationError(_("Use a YouTube or Vimeo video link."))])
                }
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["embed_url"] = video_embed_url(value.get("url"))
        return context


class WorksheetBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(label=_("Title"), max_length=150)
    description = blocks.TextBlock(label=_("What it is for"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Worksheet")
        template = "curriculum/blocks/worksheet.html"


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(label=_("Kind"), choices=CalloutKind.choices, default=CalloutKind.TIP)
    title = blocks.CharBlock(label=_("Title"), max_length=150)
    text = blocks.TextBlock(label=_("Text"))

    class Meta:
        icon = "help"
        label = _("Tip or callout")
        template = "curriculum/blocks/callout.html"


class ChecklistBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=150)
    items = blocks.ListBlock(
        blocks.CharBlock(label=_("Item"), max_length=300), label=_("Items"), min_num=1
    )

    class Meta:
        icon = "list-ul"
        label = _("Checklist")
        template = "curriculum/blocks/checklist.html"


class ActionStepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=150)
    text = blocks.TextBlock(label=_("What to do this week"))

    class Meta:
        icon = "tick-inverse"
        label = _("Action step")
        template = "curriculum/blocks/action_step.html"


class QuizOptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Answer"), max_length=300)
    correct = blocks.BooleanBlock(label=_("This is the correct answer"), required=False)
    explanation = blocks.TextBlock(label=_("Explanation shown after answering"))

    class Meta:
        icon = "radio-full"
        label = _("Option")


class QuizQuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=300)
    options = blocks.ListBlock(QuizOptionBlock(), label=_("Options"), min_num=2, max_num=6)

    class Meta:
        icon = "help"
        label = _("Question")

    def clean(self, value):
        value = super().clean(value)
        correct = sum(1 for option in value["options"] if option["correct"])
        if correct != 1:
            raise StructBlockValidationError(
                block_errors={
                    "options": ErrorList(
                        [ValidationError(_("Mark exactly one option as the correct answer."))]
                    )
                }
            )
        return value


class QuizBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=150, required=False)
    questions = blocks.ListBlock(QuizQuestionBlock(), label=_("Questions"), min_num=1)

    class Meta:
        icon = "form"
        label = _("Quiz")
        template = "curriculum/blocks/quiz.html"


class LessonStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock()
    video = VideoBlock()
    worksheet = WorksheetBlock()
    tip = CalloutBlock()
    checklist = ChecklistBlock()
    action_step = ActionStepBlock()
    quiz = QuizBlock()

    class Meta:
        block_counts = {"quiz": {"max_num": 3}}
