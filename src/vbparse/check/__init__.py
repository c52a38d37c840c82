"""Checkers that read a parsed Document: lint (form and consistency) and compare (plan vs parent)."""
