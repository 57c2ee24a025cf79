"""Reads of the region analysis: per route, for the whole partnership, and what the
deletion of a data set changes."""

from .common import Answer, Count, RegionScope, newest_datasets, region_scope
from .deletion import DeletionEffect, dataset_deletion_effect
from .partnership import partnership_analysis
from .route import answered_counts, route_analysis

__all__ = [
    "Answer",
    "Count",
    "DeletionEffect",
    "RegionScope",
    "answered_counts",
    "dataset_deletion_effect",
    "newest_datasets",
    "partnership_analysis",
    "region_scope",
    "route_analysis",
]
