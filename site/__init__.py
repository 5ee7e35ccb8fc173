"""Semilla's project package (the folder ``site/``, imported as ``semilla``): settings,
URLs, accounts and roles, the home page, the personal dashboard, privacy and reporting."""
