"""Channels deliver events: :class:`WebhookChannel`, :class:`EmailChannel`, :class:`CommandChannel`."""

from __future__ import annotations

from ..config import ChannelConfig
from .base import Channel, ChannelContext, Delivered, Redactor
from .command import CommandChannel
from .email import EmailChannel
from .webhook import WebhookChannel

__all__ = [
    "Channel",
    "ChannelContext",
    "Delivered",
    "Redactor",
    "WebhookChannel",
    "EmailChannel",
    "CommandChannel",
    "make_channel",
]

_CLASSES: dict[str, type[Channel]] = {
    "webhook": WebhookChannel,
    "email": EmailChannel,
    "command": CommandChannel,
}


def make_channel(config: ChannelConfig, context: ChannelContext) -> Channel:
    """The channel object for one validated channel mapping."""
    return _CLASSES[config.type](config, context)
