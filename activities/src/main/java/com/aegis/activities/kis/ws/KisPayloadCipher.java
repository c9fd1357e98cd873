package com.aegis.activities.kis.ws;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Decrypts KIS real-time payloads: base64 text, AES-256-CBC, PKCS#7 padding, with the 32-character key and
 * 16-character IV from the subscription reply ({@code body.output.key}/{@code iv}).
 */
public final class KisPayloadCipher {

    private final SecretKeySpec key;
    private final IvParameterSpec iv;

    public KisPayloadCipher(String key, String iv) {
        byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
        byte[] ivBytes = iv.getBytes(StandardCharsets.UTF_8);
        if (keyBytes.length != 32 || ivBytes.length != 16) {
            throw new IllegalArgumentException("the subscription reply must carry a 32-byte AES-256 key and a 16-byte"
                    + " IV, got " + keyBytes.length + " and " + ivBytes.length + " bytes");
        }
        this.key = new SecretKeySpec(keyBytes, "AES");
        this.iv = new IvParameterSpec(ivBytes);
    }

    /**
     * @throws KisMalformedFrameException if the text is not base64 or does not decrypt with this key (wrong key,
     *                                    truncated or tampered frame)
     */
    public String decrypt(String base64CipherText) {
        byte[] cipherBytes;
        try {
            cipherBytes = Base64.getDecoder().decode(base64CipherText.strip());
        } catch (IllegalArgumentException e) {
            throw new KisMalformedFrameException("encrypted payload is not base64: " + e.getMessage());
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.DECRYPT_MODE, key, iv);
            return new String(cipher.doFinal(cipherBytes), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new KisMalformedFrameException("encrypted payload does not decrypt with the subscription's"
                    + " AES-256-CBC key (" + e.getClass().getSimpleName() + "); the frame is truncated, tampered or"
                    + " from another subscription");
        }
    }

    @Override
    public String toString() {
        return "KisPayloadCipher[key=***, iv=***]";
    }
}
