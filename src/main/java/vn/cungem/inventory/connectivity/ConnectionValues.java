package vn.cungem.inventory.connectivity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.PhoneNumber;
import vn.cungem.shared.PhoneRepair;
import vn.cungem.shared.text.VietnameseText;

/**
 * Reads what people and operators' exports write for a SIM, package or Wi-Fi device, and refuses what cannot be one:
 * a subscriber number (Excel's lost leading zero repaired), an ICCID (19–20 digits from 89; one Excel turned into
 * {@code 8.98401E+18} has lost digits for good), a serial or IMEI, a data allowance ("4GB", "500 MB", "2GB/ngày" is 60
 * GB a month), a date (dd/MM/yyyy, ISO, or Excel's day number) and a status in words. Plain Java: no Spring, no
 * database.
 */
public final class ConnectionValues {

    private static final Pattern ICCID = Pattern.compile("89\\d{17,18}");
    private static final Pattern SCIENTIFIC = Pattern.compile("\\d(?:[.,]\\d+)?[eE]\\+?\\d{1,2}");
    private static final Pattern SERIAL = Pattern.compile("[A-Z0-9][A-Z0-9\\-/]{3,39}");
    private static final Pattern ALLOWANCE =
            Pattern.compile("(\\d{1,6}(?:[.,]\\d{1,3})?)\\s*(gb|g|mb|m)?\\s*(?:/\\s*(ngay|day|thang|month))?");
    private static final Pattern DMY = Pattern.compile("(\\d{1,2})[/.\\-](\\d{1,2})[/.\\-](\\d{4})");
    private static final Pattern YMD = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ].*)?");
    private static final Pattern SERIAL_DAY = Pattern.compile("\\d{5}(?:\\.0+)?");
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    private ConnectionValues() {}

    /** A number with what was repaired on it (the spreadsheet's lost zero), so the importer can say so. */
    public record Phone(String national, boolean repaired) {}

    public static Optional<Phone> phone(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        PhoneRepair.Result r = PhoneRepair.repair(raw);
        PhoneNumber number;
        try {
            number = PhoneNumber.parse(r.text());
        } catch (InvalidValueException e) {
            throw invalid("phone", raw);
        }
        if (number.national().length() != 10) {
            throw invalid("phone", raw);
        }
        return Optional.of(new Phone(number.national(), r.repaired()));
    }

    /** An ICCID for a SIM; a serial or IMEI (letters, digits, dashes) for anything else; upper case, no spaces. */
    public static Optional<String> serial(String raw, ConnectionKind kind) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String text = raw.strip();
        if (SCIENTIFIC.matcher(text).matches()) {
            throw InvalidValueException.of("connectivity.serial.excel", "connectivity.error.serial-excel", text);
        }
        String s = text.replaceAll("[\\s.]", "").toUpperCase(Locale.ROOT);
        if (kind == ConnectionKind.SIM) {
            // some exports end an ICCID with the letter F of the SIM's filler
            String digits = s.endsWith("F") ? s.substring(0, s.length() - 1) : s;
            if (!ICCID.matcher(digits).matches()) {
                throw InvalidValueException.of("connectivity.iccid.invalid", "connectivity.error.iccid", text);
            }
            return Optional.of(digits);
        }
        if (!SERIAL.matcher(s).matches()) {
            throw InvalidValueException.of("connectivity.serial.invalid", "connectivity.error.serial", text);
        }
        return Optional.of(s);
    }

    /** Gigabytes a month, two decimals; MB are divided by 1024 and a daily allowance counts 30 days. */
    public static Optional<BigDecimal> allowance(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String folded = VietnameseText.fold(raw).strip();
        Matcher m = ALLOWANCE.matcher(folded);
        if (!m.matches()) {
            throw InvalidValueException.of("connectivity.allowance.invalid", "connectivity.error.allowance", raw);
        }
        BigDecimal amount = new BigDecimal(m.group(1).replace(',', '.'));
        String unit = m.group(2);
        if (unit != null && unit.startsWith("m")) {
            amount = amount.divide(BigDecimal.valueOf(1024), 2, RoundingMode.HALF_UP);
        }
        String per = m.group(3);
        if (per != null && (per.equals("ngay") || per.equals("day"))) {
            amount = amount.multiply(BigDecimal.valueOf(30));
        }
        amount = amount.setScale(2, RoundingMode.HALF_UP);
        if (amount.signum() <= 0 || amount.compareTo(BigDecimal.valueOf(100_000)) >= 0) {
            throw InvalidValueException.of("connectivity.allowance.invalid", "connectivity.error.allowance", raw);
        }
        return Optional.of(amount);
    }

    /** dd/MM/yyyy (also with dots or dashes), yyyy-MM-dd, or a day number as Excel stores a date cell. */
    public static Optional<LocalDate> date(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String text = raw.strip();
        try {
            Matcher m = DMY.matcher(text);
            if (m.matches()) {
                return Optional.of(LocalDate.of(
                        Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1))));
            }
            m = YMD.matcher(text);
            if (m.matches()) {
                return Optional.of(LocalDate.of(
                        Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
            }
            if (SERIAL_DAY.matcher(text).matches()) {
                return Optional.of(EXCEL_EPOCH.plusDays((long) Double.parseDouble(text)));
            }
        } catch (DateTimeException e) {
            // 31/02/2026: the same refusal as a date that is not one
        }
        throw InvalidValueException.of("connectivity.date.invalid", "connectivity.error.date", text);
    }

    /** A status as operators write it: "Đã kích hoạt", "Active", "Lỗi", "Hết hạn", "Chưa kích hoạt" … */
    public static Optional<ConnectionStatus> status(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String f = " " + VietnameseText.fold(raw).replaceAll("[^a-z0-9]+", " ").strip() + " ";
        for (ConnectionStatus s : ConnectionStatus.values()) {
            if (f.strip().equals(s.name().toLowerCase(Locale.ROOT).replace('_', ' '))) {
                return Optional.of(s);
            }
        }
        if (has(f, "chua kich hoat", "not activated", "inactive", "not active", "chua hoat dong", "moi")) {
            return Optional.of(ConnectionStatus.NOT_ACTIVATED);
        }
        if (has(f, "het han", "expired", "qua han", "het hieu luc")) {
            return Optional.of(ConnectionStatus.EXPIRED);
        }
        if (has(f, "loi", "su co", "problem", "error", "failed", "khoa", "blocked", "that bai")) {
            return Optional.of(ConnectionStatus.PROBLEM);
        }
        if (has(f, "kich hoat", "activated", "active", "hoat dong", "thanh cong", "ok")) {
            return Optional.of(ConnectionStatus.ACTIVATED);
        }
        throw InvalidValueException.of("connectivity.status.invalid", "connectivity.error.status", raw.strip());
    }

    /** The kind a cell names: "SIM", "Bộ phát Wi-Fi", "Router 4G", "Gói cước" …; empty when blank. */
    public static Optional<ConnectionKind> kind(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String f = " " + VietnameseText.fold(raw).replaceAll("[^a-z0-9]+", " ").strip() + " ";
        for (ConnectionKind k : ConnectionKind.values()) {
            if (f.strip().equals(k.name().toLowerCase(Locale.ROOT).replace('_', ' '))) {
                return Optional.of(k);
            }
        }
        if (has(f, "wifi", "wi fi", "bo phat", "phat wifi", "router", "mifi", "dcom", "modem", "usb 4g")) {
            return Optional.of(ConnectionKind.WIFI_DEVICE);
        }
        if (has(f, "goi", "goi cuoc", "data", "package", "plan", "goi data")) {
            return Optional.of(ConnectionKind.DATA_PACKAGE);
        }
        if (has(f, "sim", "sim 4g", "the sim", "esim")) {
            return Optional.of(ConnectionKind.SIM);
        }
        throw InvalidValueException.of("connectivity.kind.invalid", "connectivity.error.kind", raw.strip());
    }

    private static boolean has(String folded, String... phrases) {
        for (String p : phrases) {
            if (folded.contains(" " + p + " ")) {
                return true;
            }
        }
        return false;
    }

    private static InvalidValueException invalid(String what, String raw) {
        return InvalidValueException.of("connectivity." + what + ".invalid", "connectivity.error." + what, raw.strip());
    }
}
