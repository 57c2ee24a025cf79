"""Reads of pupil data. Every function that returns personal data writes the access log
itself (`audit.services.record`, the school as organisation): no path to a name, a date of
birth, an intervention or a pupil's status history skips it."""
