package vn.gbv.portal.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

@SpringBootTest
class CourseAssetControllerTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    CourseImporter importer;
    @Autowired
    CourseCatalog catalog;

    @TempDir
    Path root;

    MockMvc mvc;
    String imageUrl;
    long versionId;

    @BeforeEach
    void importACourseWithAnImage() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        String code = TestCourses.uniqueCode("anh");
        Path course = TestCourses.validCourse(root, "khoa-hoc", code);
        TestCourses.write(course.resolve("01-nhan-dien/images/sơ đồ 2.svg"), TestCourses.SVG);
        TestCourses.replace(course.resolve("01-nhan-dien/02-dau-hieu.md"), "Những dấu hiệu",
                "![Sơ đồ hai](<images/sơ đồ 2.svg>)\n\nNhững dấu hiệu");
        importer.importAll(root, "test");
        var card = catalog.card(code).orElseThrow();
        versionId = card.versionId();
        long lessonId = catalog.outline(versionId).orElseThrow().lessons().get(1).id();
        imageUrl = "/" + Jsoup.parseBodyFragment(catalog.lesson(lessonId).orElseThrow().html())
                .selectFirst("img").attr("src");
    }

    @Test
    void aSignedInUserGetsTheImageOfALessonWithLongCaching() throws Exception {
        assertThat(imageUrl).isEqualTo("/course-assets/" + versionId + "/01-nhan-dien/images/s%C6%A1%20%C4%91%E1%BB%93%202.svg");

        mvc.perform(get(URI.create(imageUrl)).with(user("hoc-vien")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/svg+xml"))
                .andExpect(header().string("Cache-Control", "public, max-age=31536000, immutable"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Security-Policy", "script-src 'none'"))
                .andExpect(content().bytes(TestCourses.SVG.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void nobodyGetsAnImageWithoutSigningIn() throws Exception {
        int status = mvc.perform(get(URI.create(imageUrl))).andReturn().getResponse().getStatus();

        assertThat(status).isIn(302, 401, 403);
    }

    @Test
    void anAssetOfAnotherVersionOrPathIsNotFound() throws Exception {
        mvc.perform(get("/course-assets/" + versionId + "/01-nhan-dien/images/khong-co.svg").with(user("hoc-vien")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/course-assets/" + versionId + "/01-NHAN-DIEN/images/so-do.svg").with(user("hoc-vien")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/course-assets/" + versionId + "/01-nhan-dien/images/so-do.svg").with(user("hoc-vien")))
                .andExpect(status().isOk());
    }
}
