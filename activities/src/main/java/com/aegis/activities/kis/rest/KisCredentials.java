package com.aegis.activities.kis.rest;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * An app's KIS credentials and the account it trades: app key, app secret, 8-digit account number (CANO) and
 * 2-digit product code (ACNT_PRDT_CD). {@link #toString()} masks everything, so a stray log line leaks nothing.
 */
public record KisCredentials(String appKey, String appSecret, String accountNumber, String productCode) {

    public static final String APP_KEY_VARIABLE = "KIS_APP_KEY";
    public static final String APP_SECRET_VARIABLE = "KIS_APP_SECRET";
    public static final String ACCOUNT_VARIABLE = "KIS_ACCOUNT_NO";
    public static final String PRODUCT_CODE_VARIABLE = "KIS_ACCOUNT_PRODUCT_CODE";
    public static final String SECRET_FILE_VARIABLE = "KIS_SECRET_FILE";

    public KisCredentials {
        requireText(appKey, APP_KEY_VARIABLE);
        requireText(appSecret, APP_SECRET_VARIABLE);
        requireText(accountNumber, ACCOUNT_VARIABLE);
        requireText(productCode, PRODUCT_CODE_VARIABLE);
        if (accountNumber.length() != 8 || !accountNumber.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException(ACCOUNT_VARIABLE + " must be the 8-digit account number (CANO), "
                    + "optionally followed by -NN for the product code; got " + accountNumber.length() + " characters");
        }
        if (productCode.length() != 2 || !productCode.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("the account product code must be 2 digits (e.g. 01); got "
                    + productCode.length() + " characters");
        }
    }

    /**
     * Parses {@code KIS_ACCOUNT_NO} as {@code 12345678-01}, {@code 1234567801} or {@code 12345678} (product code
     * then from {@code KIS_ACCOUNT_PRODUCT_CODE}, default 01).
     */
    public static KisCredentials of(String appKey, String appSecret, String account, String defaultProductCode) {
        requireText(account, ACCOUNT_VARIABLE);
        String digits = account.trim().replace("-", "");
        if (digits.length() == 10) {
            return new KisCredentials(appKey, appSecret, digits.substring(0, 8), digits.substring(8));
        }
        return new KisCredentials(appKey, appSecret, digits, defaultProductCode == null ? "01" : defaultProductCode);
    }

    /**
     * From {@code KIS_SECRET_FILE} (a properties file with the same keys) when that variable is set, otherwise from
     * the variables {@code KIS_APP_KEY}, {@code KIS_APP_SECRET}, {@code KIS_ACCOUNT_NO}.
     */
    public static KisCredentials load(Map<String, String> environment) {
        String file = environment.get(SECRET_FILE_VARIABLE);
        if (file != null && !file.isBlank()) {
            return fromSecretFile(Path.of(file.trim()));
        }
        return fromEnvironment(environment);
    }

    public static KisCredentials fromEnvironment(Map<String, String> environment) {
        return of(environment.get(APP_KEY_VARIABLE), environment.get(APP_SECRET_VARIABLE),
                environment.get(ACCOUNT_VARIABLE), environment.getOrDefault(PRODUCT_CODE_VARIABLE, "01"));
    }

    public static KisCredentials fromSecretFile(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the KIS secret file " + file + ": " + e.getClass().getSimpleName()
                    + "; check the path in " + SECRET_FILE_VARIABLE + " and that this user may read it", e);
        }
        return of(properties.getProperty(APP_KEY_VARIABLE), properties.getProperty(APP_SECRET_VARIABLE),
                properties.getProperty(ACCOUNT_VARIABLE), properties.getProperty(PRODUCT_CODE_VARIABLE, "01"));
    }

    /** A stable, non-secret label for the account (last two digits only), for logs and limiter keys. */
    public String accountLabel() {
        return "******" + accountNumber.substring(6) + "-" + productCode;
    }

    @Override
    public String toString() {
        return "KisCredentials[appKey=***, appSecret=***, account=" + accountLabel() + "]";
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is not set: put the KIS credentials in the environment ("
                    + APP_KEY_VARIABLE + ", " + APP_SECRET_VARIABLE + ", " + ACCOUNT_VARIABLE + ") or in the file named by "
                    + SECRET_FILE_VARIABLE);
        }
    }
}
