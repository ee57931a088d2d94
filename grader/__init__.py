"""The course's grading package: cases, comparisons, mistake catalogue, CLI."""
