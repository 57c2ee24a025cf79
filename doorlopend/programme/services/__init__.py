"""Writes of the LOB programme: programmes, items, ratings, eind- and startopdrachten."""
