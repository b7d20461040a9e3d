"""The UI-free core: models, store, spoiler policy and parsing. Never imports Textual."""
