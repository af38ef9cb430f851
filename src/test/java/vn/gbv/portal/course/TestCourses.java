package vn.gbv.portal.course;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** Small course folders written into a test's temporary directory. */
final class TestCourses {

    static final String SVG = """
            <svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>
            """;

    private TestCourses() {
    }

    /** A code no other test uses, so that tests sharing a database do not meet. */
    static String uniqueCode(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * A valid course: two modules, three lessons (one with an image and a table), a module quiz
     * with a single, a multiple and a true/false question, and a final quiz.
     */
    static Path validCourse(Path root, String folder, String code) {
        Path course = root.resolve(folder);
        write(course.resolve("course.yaml"), """
                code: %s
                title: Khóa học thử %s
                summary: >
                  Khóa học mẫu để kiểm tra việc nhập.
                topic: gbv-basics
                group: knowledge
                audience: Cán bộ, cộng tác viên làm công tác xã hội
                estimatedMinutes: 60
                version: "2026.1"
                """.formatted(code, code));
        write(course.resolve("quiz.yaml"), """
                title: Bài kiểm tra cuối khóa
                passPercent: 70
                drawCount: 1
                maxAttempts: 3
                questions:
                  - id: cuoi-khoa
                    type: truefalse
                    text: Chỉ phụ nữ mới có thể bị bạo lực trên cơ sở giới.
                    answer: false
                    explanation: Nam giới và trẻ em trai cũng có thể bị bạo lực trên cơ sở giới.
                """);
        write(course.resolve("01-nhan-dien/module.yaml"), """
                title: Nhận diện bạo lực trên cơ sở giới
                summary: Các khái niệm và dấu hiệu cơ bản.
                """);
        write(course.resolve("01-nhan-dien/01-khai-niem.md"), """
                # Bạo lực trên cơ sở giới là gì?

                > **Lưu ý nội dung:** bài học có nhắc đến các hình thức bạo lực.

                ![Sơ đồ chuyển gửi](images/so-do.svg)

                | Hình thức | Ví dụ |
                | --- | --- |
                | Thể chất | Đánh, đấm |
                """);
        write(course.resolve("01-nhan-dien/02-dau-hieu.md"), """
                # Dấu hiệu

                Những dấu hiệu thường gặp.
                """);
        write(course.resolve("01-nhan-dien/images/so-do.svg"), SVG);
        write(course.resolve("01-nhan-dien/quiz.yaml"), """
                title: Kiểm tra học phần 1
                passPercent: 50
                drawCount: 3
                maxAttempts: 0
                questions:
                  - id: khai-niem
                    type: single
                    text: Bạo lực trên cơ sở giới là gì?
                    options:
                      - text: Hành vi gây tổn hại dựa trên sự khác biệt về giới.
                        correct: true
                      - text: Mọi mâu thuẫn trong gia đình.
                      - text: Chỉ bạo lực thể chất.
                    explanation: Bạo lực trên cơ sở giới bắt nguồn từ bất bình đẳng giới.
                  - id: nhieu-dap-an
                    type: multiple
                    text: Những hành vi nào là bạo lực kinh tế?
                    options:
                      - text: Chiếm đoạt thu nhập của vợ.
                        correct: true
                      - text: Kiểm soát toàn bộ tiền chi tiêu và ép buộc phụ thuộc.
                        correct: true
                      - text: Cùng nhau lập kế hoạch chi tiêu.
                    explanation: Bạo lực kinh tế là kiểm soát, chiếm đoạt tài chính.
                  - id: dung-sai
                    type: truefalse
                    text: Bạo lực gia đình là chuyện riêng của mỗi nhà.
                    answer: false
                    explanation: Bạo lực gia đình là hành vi vi phạm pháp luật.
                """);
        write(course.resolve("02-ho-tro/module.yaml"), """
                title: Hỗ trợ
                """);
        write(course.resolve("02-ho-tro/01-tiep-can.md"), """
                # Tiếp cận người bị bạo lực

                Lắng nghe, tin tưởng, không phán xét.
                """);
        return course;
    }

    static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void replace(Path file, String from, String to) {
        try {
            String content = Files.readString(file, StandardCharsets.UTF_8);
            if (!content.contains(from)) {
                throw new IllegalArgumentException(file + " does not contain " + from);
            }
            Files.writeString(file, content.replace(from, to), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path file) {
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
