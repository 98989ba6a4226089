"""Thin Typer sub-apps over the services."""
