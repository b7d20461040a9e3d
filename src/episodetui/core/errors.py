"""Errors a user can cause and fix. Surfaces show their message as one clear line."""


class EpisodeTuiError(Exception):
    """Bad input or a state the user must resolve; the message is for the user."""


class NotFound(EpisodeTuiError):
    pass


class Ambiguous(EpisodeTuiError):
    pass


class NewerSchemaError(EpisodeTuiError):
    pass


class LibraryBusy(EpisodeTuiError):
    """Another process held the library's write lock for too long."""
