from django import forms
from django.utils.translation import gettext_lazy as _

from semilla import upload_pipeline
from semilla.enums import City, Sector
from semilla.upload_pipeline import UploadField

from .enums import AcceptedDocument, InterestKind, Product, ReferralStatus
from .models import FinancialProvider, Interest


class ShowcaseFilterForm(forms.Form):
    city = forms.ChoiceField(
        label=_("City"), choices=[("", _("All cities")), *City.choices], required=False
    )
    sector = forms.ChoiceField(
        label=_("Sector"), choices=[("", _("All sectors")), *Sector.choices], required=False
    )
    q = forms.CharField(label=_("Search"), max_length=80, required=False)


class ShowcaseCardForm(forms.Form):
    business_name = forms.CharField(label=_("Business name"), max_length=150)
    city = forms.ChoiceField(label=_("City"), choices=City.choices)
    sector = forms.ChoiceField(label=_("Sector"), choices=Sector.choices)
    summary = forms.CharField(
        label=_("What your business does"), max_length=600, widget=forms.Textarea(attrs={"rows": 4})
    )
    needs = forms.CharField(
        label=_("What your business needs"),
        max_length=300,
        help_text=_("For example: a buyer for 200 arepas a week, a loan for an oven."),
    )
    photo = UploadField(
        kind=upload_pipeline.PHOTO,
        label=_("Photo of your business (optional)"),
        required=False,
        help_text=_("We remove the location and other hidden data from the photo."),
    )
    remove_photo = forms.BooleanField(label=_("Remove the photo"), required=False)
    listed = forms.BooleanField(
        label=_("Show my business in the public showcase"),
        required=False,
        help_text=_(
            "I authorise Semilla to publish this card (business name, city, sector, what it "
            "does and needs, photo and the seed grants received). My name, e-mail and phone "
            "are never shown. I can withdraw at any moment and the card disappears at once."
        ),
    )

    def card(self) -> dict[str, str]:
        return {
            name: self.cleaned_data[name]
            for name in ("business_name", "city", "sector", "summary", "needs")
        }


class InterestForm(forms.ModelForm):
    kind = forms.ChoiceField(
        label=_("I am"), choices=InterestKind.choices, widget=forms.RadioSelect
    )
    #: a field people never see: bots fill it in
    website = forms.CharField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = Interest
        fields = ["kind", "name", "organisation", "email", "message"]
        widgets = {"message": forms.Textarea(attrs={"rows": 5})}
        help_texts = {
            "message": _("What you propose: an investment, a purchase, advice."),
        }


class ProviderFilterForm(forms.Form):
    product = forms.ChoiceField(
        label=_("Product"), choices=[("", _("All products")), *Product.choices], required=False
    )
    document = forms.ChoiceField(
        label=_("My document"),
        choices=[("", _("Any document")), *AcceptedDocument.choices],
        required=False,
    )


class ReferralForm(forms.Form):
    provider = forms.ModelChoiceField(
        label=_("Provider"), queryset=FinancialProvider.objects.filter(published=True)
    )
    product = forms.ChoiceField(label=_("Product"), choices=Product.choices)
    referred_on = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    note = forms.CharField(label=_("Note (optional)"), max_length=300, required=False)


class StaffReferralForm(ReferralForm):
    email = forms.EmailField(label=_("The person's e-mail"))


class ReferralMoveForm(forms.Form):
    to = forms.ChoiceField(choices=ReferralStatus.choices)


class StaffNoteForm(forms.Form):
    note = forms.CharField(label=_("Note (optional)"), max_length=300, required=False)
