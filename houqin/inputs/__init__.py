"""Readers of outside inputs (spreadsheets, scanned counts): tolerant of what offices produce."""
