"""Reads of the LOB programme: lists, one programme's items by year, its coverage."""
