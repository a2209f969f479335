"""The guidance chat: understanding a message, ranking answers for it, and the kind of reply it gets."""
