/**
 * The checks of the course's exercises ({@link gd.exercise.Exercise}): each runs the learner's code and prints
 * one ✓ line when it is right, "not solved yet" when the learner has not written it (so that a student
 * notebook runs to its end), or fails with feedback that teaches (where the answer differs, both values, the
 * likely cause). It sits above the core, which it uses to compute the references.
 */
package gd.exercise;
