"""nbgrader configuration of the course: solutions/ is the source, notebooks/ the release."""
import os

c = get_config()  # noqa: F821  (provided by nbgrader)

c.CourseDirectory.root = os.path.dirname(os.path.abspath(__file__))
c.CourseDirectory.source_directory = "solutions"
c.CourseDirectory.release_directory = "notebooks"
c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback", ".*"]

# The stub keeps the function valid Python (also inside a loop) and tells the
# student where to write; START/END CODE HERE stay around it.
c.ClearSolutions.code_stub = {"python": "raise NotImplementedError()  # replace this line with your code"}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE"
