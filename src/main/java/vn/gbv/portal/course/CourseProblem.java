package vn.gbv.portal.course;

/**
 * Something wrong in a course folder, as the author needs to read it: the course folder, the file
 * (relative to the course folder, null for the folder itself), the line where known, and what is
 * wrong, in Vietnamese.
 */
public record CourseProblem(String folder, String file, Integer line, String message) {
}
