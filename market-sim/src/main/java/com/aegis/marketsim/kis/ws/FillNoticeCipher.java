package com.aegis.marketsim.kis.ws;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.SplittableRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * KIS's payload encryption: AES-256-CBC with PKCS#7 padding, base64 text; the key is 32 and the IV 16 ASCII
 * characters, handed to the subscriber in the subscription reply.
 */
public final class FillNoticeCipher {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final String key;
    private final String iv;

    public FillNoticeCipher(String key, String iv) {
        if (key.length() != 32 || iv.length() != 16) {
            throw new IllegalArgumentException("AES-256-CBC needs a 32-character key and a 16-character IV, got "
                    + key.length() + " and " + iv.length());
        }
        this.key = key;
        this.iv = iv;
    }

    /** A fresh key and IV drawn from {@code random} (seeded by the caller so runs repeat). */
    public static FillNoticeCipher random(SplittableRandom random) {
        return new FillNoticeCipher(randomText(random, 32), randomText(random, 16));
    }

    private static String randomText(SplittableRandom random, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }

    public String key() {
        return key;
    }

    public String iv() {
        return iv;
    }

    public String encrypt(String plaintext) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key.getBytes(StandardCharsets.US_ASCII), "AES"),
                    new IvParameterSpec(iv.getBytes(StandardCharsets.US_ASCII)));
            return Base64.getEncoder().encodeToString(cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-CBC is not available in this JVM: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "FillNoticeCipher[key=***, iv=***]";
    }
}
