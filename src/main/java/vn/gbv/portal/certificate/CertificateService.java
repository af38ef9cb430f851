package vn.gbv.portal.certificate;

import vn.gbv.portal.audit.AuditLog;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import vn.gbv.portal.base.RefusedException;
import vn.gbv.portal.certificate.CertificatePdf.Kind;
import vn.gbv.portal.certificate.CertificatePdf.Printed;
import vn.gbv.portal.certificate.CertificateQueries.Completed;
import vn.gbv.portal.certificate.CertificateQueries.NewCertificate;
import vn.gbv.portal.certificate.CertificateQueries.Row;
import vn.gbv.portal.certificate.CertificateQueries.RuleInForce;
import vn.gbv.portal.coverage.TrainedRule;
import vn.gbv.portal.security.CurrentUser;
import vn.gbv.portal.base.OpenToAnyCaller;
import vn.gbv.portal.security.Role;
import vn.gbv.portal.security.SignedInUser;
import vn.gbv.portal.security.UnitScope;

/**
 * Certificates (giấy chứng nhận): issued on demand, one live certificate per effective completion
 * and one per person who meets the programme's rule "trained" (target I.2.d); rendered as PDF
 * from what was printed; verified publicly by their code; revoked and re-issued by administrators;
 * downloaded in bulk by unit managers for their units.
 */
@Service
public class CertificateService {

    private static final String ADMIN = "hasRole('" + Role.Names.ADMIN + "')";
    private static final String MANAGER_OR_ADMIN = "hasAnyRole('" + Role.Names.UNIT_MANAGER + "','" + Role.Names.ADMIN + "')";
    /** Completions issued per transaction in a bulk download: short locks, few round trips. */
    private static final int ISSUE_CHUNK = 500;
    /** What a programme certificate says was completed, followed by the rule's name (e.g. target I.2.d). */
    private static final String PROGRAMME_TITLE = "Phòng ngừa và ứng phó với bạo lực trên cơ sở giới";
    /** Threads rendering the PDFs of one bulk download. */
    private static final int RENDER_THREADS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

    public enum Status { VALID, REVOKED, UNKNOWN, TOO_MANY_LOOKUPS }

    /** Why a certificate was revoked, in general words fit for the public page. */
    public enum RevocationReason { ISSUED_IN_ERROR, DETAILS_CORRECTED, RESULT_WITHDRAWN, OTHER }

    public record MyCertificate(long id, boolean programme, String serial, String title, LocalDate earnedOn,
                                String verificationUrl) {
    }

    /** What the public verification page may show: never the full name, never anything to list. */
    public record Verification(Status status, String maskedName, String title, boolean programme, LocalDate earnedOn,
                               LocalDate issuedOn, String issuer, String serial, LocalDateTime revokedAt,
                               RevocationReason revokedReason, String replacedBySerial) {

        static Verification of(Status status) {
            return new Verification(status, null, null, false, null, null, null, null, null, null, null);
        }
    }

    /** A certificate as an administrator sees it. */
    public record CertificateDetails(long id, String serial, String holderName, String title, LocalDate earnedOn,
                                     LocalDate issuedOn, boolean revoked, RevocationReason revokedReason,
                                     String replacedBySerial, String verificationUrl) {
    }

    public record BulkRequest(long unitId, LocalDate from, LocalDate to, Set<Long> courseIds) {
        public BulkRequest {
            courseIds = Set.copyOf(courseIds);
        }
    }

    public record UnitOption(long id, String name) {
    }

    public record CourseOption(long id, String title) {
    }

    private final CertificateQueries queries;
    private final VerifyRateLimit rateLimit;
    private final TrainedRule trainedRule;
    private final AuditLog auditLog;
    private final CurrentUser currentUser;
    private final UnitScope unitScope;
    private final Clock clock;
    private final TransactionTemplate inTransaction;
    private final CertificatePdf pdf = CertificatePdf.withShippedFonts();
    private final SecureRandom random = new SecureRandom();
    private final String publicUrl;
    private final String issuer;
    private final String signerTitle;

    CertificateService(CertificateQueries queries, VerifyRateLimit rateLimit, TrainedRule trainedRule, AuditLog auditLog,
                       CurrentUser currentUser, UnitScope unitScope, Clock clock, PlatformTransactionManager transactions,
                       @Value("${portal.public-url:http://localhost:8080}") String publicUrl,
                       @Value("${portal.certificate.issuer:SỞ NỘI VỤ}") String issuer,
                       @Value("${portal.certificate.signer-title:GIÁM ĐỐC}") String signerTitle) {
        this.queries = queries;
        this.rateLimit = rateLimit;
        this.trainedRule = trainedRule;
        this.auditLog = auditLog;
        this.currentUser = currentUser;
        this.unitScope = unitScope;
        this.clock = clock;
        this.inTransaction = new TransactionTemplate(transactions);
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.issuer = issuer;
        this.signerTitle = signerTitle;
    }

    // ---- Learners ------------------------------------------------------------------------------

    /**
     * The signed-in learner's certificates, issuing those not issued yet: one per effective
     * completion, and the programme certificate once the rule "trained" is met.
     */
    @PreAuthorize("isAuthenticated()")
    public List<MyCertificate> mine() {
        Long personId = currentUser.require().personId();
        if (personId == null) {
            return List.of();
        }
        for (Completed completed : queries.withoutCertificateOf(personId)) {
            inTransaction.executeWithoutResult(s -> issueFor(completed.completionId()));
        }
        if (trainedRule.statusOf(personId, today()).trained()) {
            inTransaction.executeWithoutResult(s -> issueProgramme(personId));
        }
        return queries.liveOf(personId).stream().map(r -> new MyCertificate(r.id(), "PROGRAMME".equals(r.kind()),
                r.serial(), r.title(), r.earnedOn(), verificationUrl(r.code()))).toList();
    }

    /** Writes one of the signed-in learner's own live certificates; anyone else's is refused. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public String writeMine(long certificateId, OutputStream out) {
        Long personId = currentUser.require().personId();
        Row row = queries.byId(certificateId)
                .filter(r -> personId != null && r.personId() == personId && r.revokedAt() == null)
                .orElseThrow(() -> RefusedException.of("certificate.refused.not-yours"));
        pdf.render(printed(row), out);
        return fileName(row);
    }

    // ---- Issuing -------------------------------------------------------------------------------

    /**
     * The live certificate of an effective completion, issued now if there is none. The completion
     * row is locked first, so two requests for it (on any node) issue one certificate between them;
     * the unique key on live certificates holds it whatever the code does.
     */
    @PreAuthorize(ADMIN)
    @Transactional
    public long issueForCompletion(long completionId) {
        return issueFor(completionId);
    }

    private long issueFor(long completionId) {
        queries.lockCompletion(completionId);
        Optional<Long> live = queries.liveForCompletion(completionId);
        if (live.isPresent()) {
            return live.get();
        }
        Completed completed = queries.effectiveCompletion(completionId)
                .orElseThrow(() -> RefusedException.of("certificate.refused.not-effective"));
        NewCertificate certificate = courseCertificate(completed, serial(queries.reserveSerials(today().getYear(), 1)));
        return queries.insert(certificate);
    }

    private void issueProgramme(long personId) {
        queries.lockPerson(personId);
        RuleInForce rule = queries.ruleInForce(today());
        if (queries.liveProgramme(personId, rule.id()).isPresent()) {
            return;
        }
        LocalDate metOn = queries.ruleMetOn(personId, rule, today()).orElseThrow();
        LocalDate issuedOn = today();
        queries.insert(new NewCertificate("PROGRAMME", serial(queries.reserveSerials(issuedOn.getYear(), 1)), newCode(),
                personId, null, null, rule.id(), queries.fullName(personId), PROGRAMME_TITLE + " (" + rule.name() + ")", null,
                metOn, null, issuedOn,
                issuer, signerTitle, actor()));
    }

    private NewCertificate courseCertificate(Completed c, String serial) {
        return new NewCertificate("COURSE", serial, newCode(), c.personId(), c.completionId(), c.courseId(), null,
                c.fullName(), c.title(), c.minutes(), c.completedOn(), c.source(), today(), issuer, signerTitle, actor());
    }

    private String serial(int number) {
        return String.format("%d-%06d", today().getYear(), number);
    }

    /** 128 bits from SecureRandom, in base32 without padding (26 letters and digits 2–7). */
    String newCode() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return base32(bytes);
    }

    static String base32(byte[] bytes) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(alphabet.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(alphabet.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }

    // ---- Public verification -------------------------------------------------------------------

    @OpenToAnyCaller("the public verification page: anyone holding a certificate may check its code; one code "
            + "answers about one certificate, lookups are limited per address, and the name is masked")
    @Transactional(readOnly = true)
    public Verification verify(String typedCode, String clientAddress) {
        if (!rateLimit.tryLookup(clientAddress)) {
            return Verification.of(Status.TOO_MANY_LOOKUPS);
        }
        String code = normalise(typedCode);
        if (!code.matches("[A-Z2-7]{26}")) {
            return Verification.of(Status.UNKNOWN);
        }
        Optional<Row> found = queries.byCode(code);
        if (found.isEmpty()) {
            return Verification.of(Status.UNKNOWN);
        }
        Row r = found.get();
        Timestamp revokedAt = r.revokedAt();
        RevocationReason reason = r.revokedReason() == null ? null : RevocationReason.valueOf(r.revokedReason());
        if (revokedAt == null && r.completionId() != null) {
            Optional<Timestamp> withdrawn = queries.completionWithdrawnAt(r.completionId());
            if (withdrawn.isPresent()) {
                revokedAt = withdrawn.get();
                reason = RevocationReason.RESULT_WITHDRAWN;
            }
        }
        String replacedBy = r.replacedById() == null ? null : queries.serialOf(r.replacedById()).orElse(null);
        return new Verification(revokedAt == null ? Status.VALID : Status.REVOKED, mask(r.holderName()), r.title(),
                "PROGRAMME".equals(r.kind()), r.earnedOn(), r.issuedOn(), r.issuer(), r.serial(),
                revokedAt == null ? null : revokedAt.toLocalDateTime(), reason, replacedBy);
    }

    /** Accepts a code typed with spaces, dashes or in lower case. */
    static String normalise(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    /** "Nguyễn Thị Hương" → "Nguyễn T. H.": the family name, then initials. */
    static String mask(String fullName) {
        String[] words = fullName.trim().split("\\s+");
        StringBuilder masked = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            masked.append(' ').appendCodePoint(words[i].codePointAt(0)).append('.');
        }
        return masked.toString();
    }

    String verificationUrl(String code) {
        return publicUrl + "/verify/" + code;
    }

    // ---- Revocation and re-issue (administrators) ----------------------------------------------

    @PreAuthorize(ADMIN)
    @Transactional(readOnly = true)
    public Optional<CertificateDetails> findBySerial(String serial) {
        return queries.bySerial(serial == null ? "" : serial.trim()).map(this::details);
    }

    @PreAuthorize(ADMIN)
    @Transactional
    public CertificateDetails revoke(long certificateId, RevocationReason reason, String note) {
        Row row = queries.byId(certificateId).orElseThrow(() -> RefusedException.of("certificate.refused.unknown"));
        if (!queries.revoke(certificateId, reason.name(), blankToNull(note), actor(), now())) {
            throw RefusedException.of("certificate.refused.already-revoked");
        }
        audit("certificate.revoke", row, "valid", reason.name() + (blankToNull(note) == null ? "" : ": " + note.trim()));
        return details(queries.byId(certificateId).orElseThrow());
    }

    /**
     * Re-issues a live certificate with a corrected name: the old one is revoked ("details
     * corrected") and points to the new one, which has a new serial and code and prints the rest
     * as before.
     */
    @PreAuthorize(ADMIN)
    @Transactional
    public CertificateDetails reissue(long certificateId, String correctedName, String note) {
        String name = correctedName == null ? "" : correctedName.trim().replaceAll("\\s+", " ");
        if (name.isEmpty()) {
            throw RefusedException.onField("name", "certificate.refused.name-required");
        }
        queries.lockCertificate(certificateId);
        Row old = queries.byId(certificateId).orElseThrow(() -> RefusedException.of("certificate.refused.unknown"));
        if (old.revokedAt() != null) {
            throw RefusedException.of("certificate.refused.already-revoked");
        }
        queries.revoke(certificateId, RevocationReason.DETAILS_CORRECTED.name(), blankToNull(note), actor(), now());
        LocalDate issuedOn = today();
        long newId = queries.insert(new NewCertificate(old.kind(), serial(queries.reserveSerials(issuedOn.getYear(), 1)),
                newCode(), old.personId(), old.completionId(), old.courseId(), queries.ruleOf(old.id()).orElse(null),
                name, old.title(), old.minutes(), old.earnedOn(), old.earnedHow(), issuedOn, issuer, signerTitle, actor()));
        queries.setReplacedBy(certificateId, newId);
        Row fresh = queries.byId(newId).orElseThrow();
        audit("certificate.reissue", old, old.serial() + " " + old.holderName(), fresh.serial() + " " + fresh.holderName());
        return details(fresh);
    }

    /** Any certificate as PDF, for an administrator checking one. */
    @PreAuthorize(ADMIN)
    @Transactional(readOnly = true)
    public String writeAny(long certificateId, OutputStream out) {
        Row row = queries.byId(certificateId).orElseThrow(() -> RefusedException.of("certificate.refused.unknown"));
        pdf.render(printed(row), out);
        return fileName(row);
    }

    private void audit(String action, Row certificate, String before, String after) {
        auditLog.record(action, AuditLog.Entity.CERTIFICATE, certificate.id(), certificate.serial(), before, after);
    }

    private CertificateDetails details(Row r) {
        return new CertificateDetails(r.id(), r.serial(), r.holderName(), r.title(), r.earnedOn(), r.issuedOn(),
                r.revokedAt() != null, r.revokedReason() == null ? null : RevocationReason.valueOf(r.revokedReason()),
                r.replacedById() == null ? null : queries.serialOf(r.replacedById()).orElse(null),
                verificationUrl(r.code()));
    }

    // ---- Bulk download (unit managers, administrators) -----------------------------------------

    /** The units the caller may download for: administrators every open unit, managers their scope. */
    @PreAuthorize(MANAGER_OR_ADMIN)
    @Transactional(readOnly = true)
    public List<UnitOption> units() {
        return queries.units(unitScope.unitIds());
    }

    @PreAuthorize(MANAGER_OR_ADMIN)
    @Transactional(readOnly = true)
    public List<CourseOption> courses() {
        return queries.courses();
    }

    /** How many certificates a bulk download will hold. */
    @PreAuthorize(MANAGER_OR_ADMIN)
    @Transactional(readOnly = true)
    public int count(BulkRequest request) {
        check(request);
        return queries.countSelection(request, today());
    }

    /**
     * Writes a ZIP of the selection's certificates ({@code unit/Name - course.pdf}) and an index
     * spreadsheet straight to out, issuing missing certificates first. One PDF at a time is in
     * memory; rows are streamed from the database. progress receives the number of PDFs written.
     * The unit must be in the caller's scope, whatever the request says.
     */
    @PreAuthorize(MANAGER_OR_ADMIN)
    public void writeZip(BulkRequest request, OutputStream out, IntConsumer progress) {
        check(request);
        LocalDate today = today();
        String actor = actor();
        List<Long> missing;
        while (!(missing = queries.selectionWithoutCertificate(request, today, ISSUE_CHUNK)).isEmpty()) {
            List<Long> chunk = missing;
            inTransaction.executeWithoutResult(s -> issueAll(chunk, actor));
        }
        try {
            ZipOutputStream zip = new ZipOutputStream(out);
            zip.putNextEntry(new ZipEntry("danh-sach.xlsx"));
            writeIndex(request, today, new NotClosing(zip));
            zip.closeEntry();

            // PDFs are rendered on a few threads and written in order; at most two per thread are
            // in flight, so memory stays bounded however many the selection holds
            Set<String> names = new HashSet<>();
            ArrayDeque<Pending> inFlight = new ArrayDeque<>();
            int[] written = {0};
            ExecutorService renderers = Executors.newFixedThreadPool(RENDER_THREADS);
            try {
                queries.streamSelection(request, today, row -> {
                    Printed printed = printed(row.certificate());
                    inFlight.add(new Pending(entryName(row, names), renderers.submit(() -> renderToBytes(printed))));
                    if (inFlight.size() >= 2 * RENDER_THREADS) {
                        writeStored(zip, inFlight.poll());
                        progress.accept(++written[0]);
                    }
                });
                while (!inFlight.isEmpty()) {
                    writeStored(zip, inFlight.poll());
                    progress.accept(++written[0]);
                }
            } finally {
                renderers.shutdownNow();
            }
            zip.finish();
            zip.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Pending(String name, Future<byte[]> pdf) {
    }

    private byte[] renderToBytes(Printed printed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(48 * 1024);
        pdf.render(printed, out);
        return out.toByteArray();
    }

    /** Stored, not deflated: a PDF's streams are compressed already. */
    private static void writeStored(ZipOutputStream zip, Pending pending) {
        byte[] bytes;
        try {
            bytes = pending.pdf().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rendering " + pending.name(), e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
        CRC32 crc = new CRC32();
        crc.update(bytes);
        ZipEntry entry = new ZipEntry(pending.name());
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(bytes.length);
        entry.setCompressedSize(bytes.length);
        entry.setCrc(crc.getValue());
        try {
            zip.putNextEntry(entry);
            zip.write(bytes);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void check(BulkRequest request) {
        unitScope.requireManageable(request.unitId());
        if (request.from() == null || request.to() == null || request.from().isAfter(request.to())) {
            throw RefusedException.onField("period", "certificate.refused.period");
        }
    }

    private void issueAll(List<Long> completionIds, String actor) {
        queries.lockCompletions(completionIds);
        List<Completed> toIssue = queries.withoutCertificate(completionIds);
        if (toIssue.isEmpty()) {
            return;
        }
        int first = queries.reserveSerials(today().getYear(), toIssue.size());
        List<NewCertificate> certificates = new ArrayList<>(toIssue.size());
        for (int i = 0; i < toIssue.size(); i++) {
            Completed c = toIssue.get(i);
            certificates.add(new NewCertificate("COURSE", serial(first + i), newCode(), c.personId(), c.completionId(),
                    c.courseId(), null, c.fullName(), c.title(), c.minutes(), c.completedOn(), c.source(), today(), issuer,
                    signerTitle, actor));
        }
        queries.insertAll(certificates);
    }

    private void writeIndex(BulkRequest request, LocalDate today, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "GBV training portal", "1.0");
        Worksheet sheet = workbook.newWorksheet("Giấy chứng nhận");
        String[] headings = {"Số vào sổ", "Họ và tên", "Đơn vị", "Khóa học", "Số giờ", "Ngày hoàn thành", "Hình thức",
                "Ngày cấp", "Tệp"};
        for (int i = 0; i < headings.length; i++) {
            sheet.value(0, i, headings[i]);
            sheet.style(0, i).bold().set();
        }
        Set<String> names = new HashSet<>();
        int[] r = {0};
        queries.streamSelection(request, today, row -> {
            int at = ++r[0];
            Row c = row.certificate();
            sheet.value(at, 0, c.serial());
            sheet.value(at, 1, c.holderName());
            sheet.value(at, 2, row.unitName());
            sheet.value(at, 3, c.title());
            if (c.minutes() != null) {
                sheet.value(at, 4, Math.round(c.minutes() / 6.0) / 10.0);
            }
            sheet.value(at, 5, c.earnedOn());
            sheet.style(at, 5).format("dd/mm/yyyy").set();
            sheet.value(at, 6, earnedHow(c.earnedHow()));
            sheet.value(at, 7, c.issuedOn());
            sheet.style(at, 7).format("dd/mm/yyyy").set();
            sheet.value(at, 8, entryName(row, names));
            if (at % 1000 == 0) {
                try {
                    sheet.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
        workbook.finish();
    }

    /** "Phường A/Nguyễn Thị Hương - Course title.pdf"; a second identical name gets its serial. */
    private static String entryName(CertificateQueries.BulkRow row, Set<String> used) {
        Row c = row.certificate();
        String title = c.title().length() > 80 ? c.title().substring(0, 80).trim() : c.title();
        String base = safe(row.unitName()) + "/" + safe(c.holderName()) + " - " + safe(title);
        String name = base + ".pdf";
        if (!used.add(name)) {
            name = base + " (" + c.serial() + ").pdf";
            used.add(name);
        }
        return name;
    }

    /** No path separators or characters that file systems refuse. */
    private static String safe(String s) {
        return s.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").trim();
    }

    // ---- Shared --------------------------------------------------------------------------------

    private Printed printed(Row r) {
        return new Printed("PROGRAMME".equals(r.kind()) ? Kind.PROGRAMME : Kind.COURSE, r.serial(),
                verificationUrl(r.code()), r.holderName(), r.title(), r.minutes(), r.earnedOn(), earnedHow(r.earnedHow()),
                r.issuedOn(), r.issuer(), r.signerTitle());
    }

    /** How a course was completed, as the certificate says it. */
    static String earnedHow(String source) {
        if (source == null) {
            return null;
        }
        return switch (source) {
            case "ONLINE" -> "Học trực tuyến";
            // no class records in the portal yet: place and date of the class cannot be printed
            case "CLASS" -> "Lớp tập huấn trực tiếp";
            case "IMPORT" -> "Công nhận kết quả tập huấn trước đây";
            default -> source;
        };
    }

    private static String fileName(Row r) {
        return "giay-chung-nhan-" + r.serial() + ".pdf";
    }

    private String actor() {
        return currentUser.get().map(SignedInUser::username).orElse("system");
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** Lets a library "finish" its output inside a ZIP entry without closing the ZIP. */
    private static final class NotClosing extends FilterOutputStream {
        NotClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
