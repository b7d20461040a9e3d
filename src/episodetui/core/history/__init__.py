"""Watch histories from other trackers (TV Time, Trakt, SeriesGuide, Showly, Yamtrack):
detect the format from the content, read it into one normalized model, and plan and apply
an idempotent import. UI-free: the CLI and the TUI are thin over this package.

Modules: `bundle` (zip/folder/file, bounded and credential-safe reads), `model` (the
normalized history), one reader per source, `detect` (format detection and `read_history`),
`matching` (TVmaze), `plan` (what an import would do: the report), `apply` (doing it).
"""
