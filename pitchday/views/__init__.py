from .grants import stripe_webhook

__all__ = ["stripe_webhook"]
