package vn.gbv.portal.course;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class LessonSanitizerTest {

    private static final long VERSION = 42;

    private final LessonSanitizer sanitizer = new LessonSanitizer();

    private String html(String markdown) {
        return sanitizer.toHtml(markdown, "01-nhan-dien", VERSION);
    }

    @Test
    void scriptTagsNeverReachTheHtml() {
        String html = html("""
                # Bài học

                <script>alert('block')</script>

                Đoạn văn <script>alert('inline')</script> tiếp.

                <SCRIPT SRC="https://evil.example/x.js"></SCRIPT>
                """);

        assertThat(html).doesNotContainIgnoringCase("<script").doesNotContain("evil.example")
                .doesNotContain("alert('block')").contains("Đoạn văn");
    }

    @Test
    void eventHandlersAndStyleAttributesAreRemoved() {
        String html = html("""
                # Bài học

                <img src="x" onerror="alert(1)">

                <p style="position:fixed;top:0" onclick="alert(2)">Nhấn vào đây</p>

                <div onmouseover="alert(3)">di chuột</div>
                """);

        assertThat(html).doesNotContainIgnoringCase("onerror").doesNotContainIgnoringCase("onclick")
                .doesNotContainIgnoringCase("onmouseover").doesNotContainIgnoringCase("style=")
                .doesNotContain("alert(").doesNotContain("<img");
    }

    @Test
    void javascriptLinksLoseTheirTargetWhateverTheirCase() {
        String html = html("""
                # Bài học

                [bấm](javascript:alert(1)) và [bấm nữa](JaVaScRiPt:alert(2))

                <a href="JaVaScRiPt:alert(3)">liên kết HTML</a>

                [vb](vbscript:msgbox(1))
                """);

        assertThat(html).doesNotContainIgnoringCase("javascript").doesNotContainIgnoringCase("vbscript")
                .doesNotContain("<a").contains("bấm").contains("bấm nữa");
    }

    @Test
    void dataUrlsAreRemovedFromLinksAndImages() {
        String html = html("""
                # Bài học

                [tải](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)

                ![ảnh](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)
                """);

        assertThat(html).doesNotContain("data:").doesNotContain("<img").doesNotContain("<a");
    }

    @Test
    void iframesObjectsFormsAndStylesAreDropped() {
        String html = html("""
                # Bài học

                <iframe src="https://evil.example/"></iframe>

                <object data="x.swf"></object><embed src="x.swf">

                <form action="https://evil.example/"><input name="mat-khau"><button>Gửi</button></form>

                <style>body { display: none }</style>

                Nội dung còn lại.
                """);

        assertThat(html).doesNotContainIgnoringCase("<iframe").doesNotContainIgnoringCase("<object")
                .doesNotContainIgnoringCase("<embed").doesNotContainIgnoringCase("<form")
                .doesNotContainIgnoringCase("<input").doesNotContainIgnoringCase("<style")
                .doesNotContain("display: none").contains("Nội dung còn lại.");
    }

    @Test
    void cleaningStoredHtmlAgainRemovesWhateverReachedTheTable() {
        String html = sanitizer.clean("""
                <p onclick="alert(1)">a</p><script>alert(2)</script><iframe src="//x"></iframe>
                <a href="javascript:alert(3)">b</a><img src="https://tracker.example/p.gif">
                <img src="course-assets/7/images/a.png"><p style="color:red">c</p>""", VERSION);

        assertThat(html).doesNotContain("alert").doesNotContain("iframe").doesNotContain("tracker")
                .doesNotContain("course-assets/7/").doesNotContain("style").doesNotContain("<a");
    }

    @Test
    void harmlessFormattingSurvives() {
        String html = html("""
                # Bạo lực trên cơ sở giới là gì?

                > **Lưu ý nội dung:** bài học có nhắc đến các hình thức bạo lực.

                Đoạn *nghiêng*, **đậm** và `mã`.

                ## Các bước

                1. Lắng nghe
                2. Tin tưởng

                - một
                - hai

                ---

                Gọi [111](tel:111), viết [thư](mailto:hotro@example.vn) hoặc đọc [luật](https://thuvienphapluat.vn/).
                """);
        Document doc = Jsoup.parseBodyFragment(html);

        assertThat(doc.select("blockquote strong").text()).isEqualTo("Lưu ý nội dung:");
        assertThat(doc.select("em").text()).isEqualTo("nghiêng");
        assertThat(doc.select("code").text()).isEqualTo("mã");
        assertThat(doc.select("h2").text()).isEqualTo("Các bước");
        assertThat(doc.select("ol li")).hasSize(2);
        assertThat(doc.select("ul li")).hasSize(2);
        assertThat(doc.select("hr")).hasSize(1);
        assertThat(doc.select("a[href=tel:111]")).hasSize(1);
        assertThat(doc.select("a[href=mailto:hotro@example.vn]")).hasSize(1);
        Element external = doc.selectFirst("a[href=https://thuvienphapluat.vn/]");
        assertThat(external).isNotNull();
        assertThat(external.attr("rel")).isEqualTo("noopener noreferrer");
        assertThat(external.attr("target")).isEqualTo("_blank");
        assertThat(doc.select("a[href^=tel]").attr("target")).isEmpty();
    }

    @Test
    void theTitleHeadingIsShownApartNotInTheBody() {
        String html = html("""
                # Tiêu đề

                Nội dung.
                """);

        assertThat(html).doesNotContain("<h1").doesNotContain("Tiêu đề").contains("<p>Nội dung.</p>");
    }

    @Test
    void tablesKeepTheirTagsInsideAScrollingWrapper() {
        String html = html("""
                # Bài học

                | Hình thức | Ví dụ |
                | :--- | ---: |
                | Thể chất | Đánh, đấm |
                | Kinh tế | Chiếm đoạt thu nhập |
                """);
        Document doc = Jsoup.parseBodyFragment(html);

        Element table = doc.selectFirst("div.table-wrap > table");
        assertThat(table).isNotNull();
        assertThat(table.select("thead th")).extracting(Element::text).containsExactly("Hình thức", "Ví dụ");
        assertThat(table.select("tbody tr")).hasSize(2);
        assertThat(table.select("tbody td").first().text()).isEqualTo("Thể chất");
    }

    @Test
    void cleaningTwiceGivesTheSameHtml() {
        String once = html("""
                # Bài học

                | a | b |
                | --- | --- |
                | 1 | 2 |

                ![Sơ đồ](images/so-do.svg) [luật](https://example.vn/)
                """);

        assertThat(sanitizer.clean(once, VERSION)).isEqualTo(once);
    }

    @Test
    void relativeImagesPointToTheVersionsAssets() {
        String html = html("""
                # Bài học

                ![Sơ đồ chuyển gửi](images/so-do.svg)

                ![Ảnh chung](../chung/ảnh 1.png)

                ![Ngoài](https://example.org/anh.png)

                ![Thoát](../../etc/passwd.png)
                """);
        Document doc = Jsoup.parseBodyFragment(html);

        assertThat(doc.select("img")).extracting(e -> e.attr("src")).containsExactly(
                "course-assets/42/01-nhan-dien/images/so-do.svg");
        assertThat(doc.selectFirst("img").attr("alt")).isEqualTo("Sơ đồ chuyển gửi");
    }

    @Test
    void imagePathsWithSpacesAndAccentsAreEncoded() {
        String html = html("""
                # Bài học

                ![Ảnh chung](<../chung/ảnh 1.png>)
                """);

        assertThat(Jsoup.parseBodyFragment(html).selectFirst("img").attr("src"))
                .isEqualTo("course-assets/42/chung/%E1%BA%A3nh%201.png");
    }

    @Test
    void theTitleIsThePlainTextOfTheFirstLevelOneHeading() {
        var document = sanitizer.parse("""
                Lời dẫn.

                ## Không phải tiêu đề

                # Bạo lực **trên cơ sở giới** là `gì`?

                # Tiêu đề thứ hai
                """);

        assertThat(sanitizer.titleHeading(document).map(sanitizer::text)).contains("Bạo lực trên cơ sở giới là gì?");
        assertThat(sanitizer.titleHeading(document).map(LessonSanitizer::line)).contains(5);
    }
}
