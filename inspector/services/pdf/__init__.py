"""Printed documents: paper checklists and inspection reports (A4 PDFs, ReportLab)."""

#: The ``what`` of progress steps while photos are being prepared for a report.
PHOTOS_STEP = "photos"
