package vn.gbv.portal.course;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * Lessons from Markdown to HTML that is safe to show whoever wrote it: raw HTML is dropped from
 * the Markdown tree, then the HTML passes jsoup's relaxed safelist (no script, style, iframe,
 * object or form, no event handlers, no style attributes, links only to http, https, mailto and
 * tel). Images must be the course version's own assets; tables get a scrolling wrapper for phones.
 */
@Component
class LessonSanitizer {

    static final String ASSET_PREFIX = "course-assets/";

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Pattern URL_SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

    private static final Safelist SAFELIST = Safelist.relaxed()
            .addTags("hr")
            // No div from Markdown: dropping it lets a stored lesson be cleaned again without
            // stacking table wrappers, which are added after cleaning.
            .removeTags("div")
            .addAttributes("th", "align")
            .addAttributes("td", "align")
            .removeProtocols("a", "href", "ftp")
            .addProtocols("a", "href", "tel")
            // No protocol at all is allowed for images: only the version's assets, checked after cleaning.
            .removeProtocols("img", "src", "http", "https");

    private final Parser parser = Parser.builder()
            .extensions(EXTENSIONS)
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();
    private final HtmlRenderer renderer = HtmlRenderer.builder()
            .extensions(EXTENSIONS)
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https", "mailto", "tel")))
            .build();

    /** A lesson's Markdown as a tree with source lines (see {@link #line(Node)}). */
    Node parse(String markdown) {
        return parser.parse(markdown);
    }

    /** The heading that gives the lesson its title: the first level-1 ("# ") heading. */
    Optional<Heading> titleHeading(Node document) {
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading heading && heading.getLevel() == 1) {
                return Optional.of(heading);
            }
        }
        return Optional.empty();
    }

    /** The plain text of a heading (or any node): its text and code, without emphasis marks. */
    String text(Node node) {
        StringBuilder text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text literal) {
                text.append(literal.getLiteral());
            }

            @Override
            public void visit(Code code) {
                text.append(code.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak lineBreak) {
                text.append(' ');
            }

            @Override
            public void visit(HardLineBreak lineBreak) {
                text.append(' ');
            }
        });
        return text.toString().strip();
    }

    List<Image> images(Node document) {
        List<Image> images = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Image image) {
                images.add(image);
                visitChildren(image);
            }
        });
        return images;
    }

    /** The 1-based source line of a node, when the parser recorded one. */
    static Integer line(Node node) {
        return node.getSourceSpans().isEmpty() ? null : node.getSourceSpans().getFirst().getLineIndex() + 1;
    }

    /**
     * Where an image reference of a lesson in {@code lessonDir} points inside the course folder,
     * e.g. "01-nhan-dien/images/so-do.svg"; empty for URLs, absolute paths and paths that leave
     * the course folder.
     */
    static Optional<String> coursePath(String lessonDir, String destination) {
        if (destination.isBlank() || destination.startsWith("/") || destination.contains("\\")
                || URL_SCHEME.matcher(destination).find()) {
            return Optional.empty();
        }
        Deque<String> parts = new ArrayDeque<>();
        for (String part : (lessonDir + "/" + destination).split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return Optional.empty();
                }
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("/", parts));
    }

    /** The address of an asset, relative to the context root (the page's base href). */
    static String assetUrl(long versionId, String coursePath) {
        StringBuilder url = new StringBuilder(ASSET_PREFIX).append(versionId);
        for (String segment : coursePath.split("/")) {
            url.append('/').append(UriUtils.encodePathSegment(segment, StandardCharsets.UTF_8));
        }
        return url.toString();
    }

    /**
     * The lesson's body as safe HTML, without its title heading (the title is shown apart).
     * {@code lessonDir} is the lesson's folder inside the course folder, for its images.
     */
    String toHtml(String markdown, String lessonDir, long versionId) {
        Node document = parse(markdown);
        titleHeading(document).ifPresent(Node::unlink);
        List<Node> rawHtml = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(HtmlBlock html) {
                rawHtml.add(html);
            }

            @Override
            public void visit(HtmlInline html) {
                rawHtml.add(html);
            }
        });
        rawHtml.forEach(Node::unlink);
        for (Image image : images(document)) {
            coursePath(lessonDir, image.getDestination()).ifPresentOrElse(
                    path -> image.setDestination(assetUrl(versionId, path)), image::unlink);
        }
        return clean(renderer.render(document), versionId);
    }

    /** Cleans lesson HTML again, e.g. when it is shown; cleaning clean HTML changes nothing. */
    String clean(String html, long versionId) {
        Document clean = new Cleaner(SAFELIST).clean(Jsoup.parseBodyFragment(html));
        clean.outputSettings().prettyPrint(false);
        String ownAssets = ASSET_PREFIX + versionId + "/";
        for (Element image : clean.select("img")) {
            if (isAsset(image.attr("src"), ownAssets)) {
                image.attr("loading", "lazy");
            } else {
                image.remove();
            }
        }
        for (Element link : clean.select("a")) {
            String href = link.attr("href");
            if (href.isEmpty()) {
                link.unwrap();
            } else if (href.regionMatches(true, 0, "http:", 0, 5) || href.regionMatches(true, 0, "https:", 0, 6)) {
                link.attr("rel", "noopener noreferrer").attr("target", "_blank");
            }
        }
        for (Element table : clean.select("table")) {
            table.wrap("<div class=\"table-wrap\"></div>");
        }
        return clean.body().html();
    }

    private static boolean isAsset(String src, String ownAssets) {
        if (!src.startsWith(ownAssets) || src.length() == ownAssets.length()) {
            return false;
        }
        for (String segment : src.substring(ownAssets.length()).split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")
                    || segment.contains(":") || segment.contains("\\")) {
                return false;
            }
        }
        return true;
    }
}
