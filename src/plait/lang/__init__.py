"""Language data: one package per language (`plait.lang.en`, ...) plus the shared rules.

Shared modules: `char_classes` (character classes), `punctuation` (prefix, suffix and infix
rules and their compilers), `tokenizer_exceptions` (special cases every language has, the
URL matcher, `update_exc`) and `lex_attrs` (language-independent lexical attributes).
"""
