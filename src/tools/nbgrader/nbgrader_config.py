# nbgrader's configuration for this course: the notebooks in notebooks/ are nbgrader's "source"
# versions (solutions, hidden tests). ./gd generates the learners' versions with nbgrader's own
# preprocessors and this configuration; an instructor points nbgrader at it (INSTRUCTORS.md):
#
#     cp src/tools/nbgrader/nbgrader_config.py COURSE/      # or: c.load_subconfig(...) in yours
#
# The notebooks' language is "java" (their kernelspec), so ClearSolutions needs a Java stub. This
# one compiles inside the lambda or method body that holds a solution, and makes the check print
# "not solved yet: ..." instead of failing (gd.exercise.Exercise.notSolved()).
c = get_config()  # noqa: F821 (defined by traitlets when it loads this file)

c.ClearSolutions.code_stub = {
    "java": "throw gd.exercise.Exercise.notSolved();",
    "python": "# YOUR CODE HERE\nraise NotImplementedError()",
}
c.ClearSolutions.begin_solution_delimeter = "BEGIN SOLUTION"
c.ClearSolutions.end_solution_delimeter = "END SOLUTION"
c.ClearHiddenTests.begin_test_delimeter = "BEGIN HIDDEN TESTS"
c.ClearHiddenTests.end_test_delimeter = "END HIDDEN TESTS"

# Grading runs every cell on the "java" kernel. A cell may train a model for a while (notebook 8:
# an MNIST epoch), and the JVM needs a few seconds to start.
c.Execute.timeout = 900
c.Execute.startup_timeout = 180
