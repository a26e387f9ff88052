package org.rollcall.arrival;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rollcall.config.RollcallConfig;
import org.rollcall.config.Settings;

/**
 * A district's SFTP account (rollcall.district.&lt;id&gt;.clever.sftp.*), checked: a user, a
 * password or a readable private key, and a known_hosts file holding the server's key unless host
 * key checking was explicitly turned off.
 *
 * @param afterDownload keep, delete or move: what happens to a file on the server once downloaded
 */
public record SftpAccount(String host, int port, String user, String directory, String password,
                          Path privateKeyFile, String privateKeyPassphrase, Path knownHostsFile,
                          boolean strictHostKeyChecking, String afterDownload, String moveTo, Duration timeout) {

    /** The account of {@code district}, or null when it has no clever.sftp.host; problems are added to {@code problems}. */
    static SftpAccount of(RollcallConfig c, String district, Path home, List<String> problems) {
        String host = c.get(Settings.SFTP_HOST, district).trim();
        if (host.isEmpty()) {
            return null;
        }
        String user = c.get(Settings.SFTP_USER, district).trim();
        String password = c.get(Settings.SFTP_PASSWORD, district);
        Path key = c.get(Settings.SFTP_PRIVATE_KEY_FILE, district);
        Path knownHosts = home.resolve(c.get(Settings.SFTP_KNOWN_HOSTS_FILE, district));
        boolean strict = c.get(Settings.SFTP_STRICT_HOST_KEY_CHECKING, district);
        if (user.isEmpty()) {
            problems.add(Settings.SFTP_USER.nameFor(district) + ": is required when clever.sftp.host is set");
        }
        if (password.isEmpty() && key == null) {
            problems.add(Settings.SFTP_PASSWORD.nameFor(district) + ": clever.sftp.host is set, so set a password "
                    + "(= ${env:NAME}) or " + Settings.SFTP_PRIVATE_KEY_FILE.nameFor(district));
        }
        Path keyFile = key == null ? null : home.resolve(key);
        if (keyFile != null && !Files.isReadable(keyFile)) {
            problems.add(Settings.SFTP_PRIVATE_KEY_FILE.nameFor(district) + ": " + keyFile + " cannot be read");
        }
        if (strict && !Files.isReadable(knownHosts)) {
            problems.add(Settings.SFTP_KNOWN_HOSTS_FILE.nameFor(district) + ": " + knownHosts + " cannot be read; "
                    + "add the server's host key to it (ssh-keyscan -p " + c.get(Settings.SFTP_PORT, district) + " "
                    + host + " >> " + knownHosts + ", then check the fingerprint with the server's owner)");
        }
        String directory = c.get(Settings.SFTP_DIRECTORY, district).trim();
        String moveTo = c.get(Settings.SFTP_MOVE_TO, district).trim();
        if (moveTo.isEmpty() || moveTo.startsWith("/") || moveTo.contains("..")) {
            problems.add(Settings.SFTP_MOVE_TO.nameFor(district) + ": '" + moveTo
                    + "' must be a folder below clever.sftp.directory");
        }
        return new SftpAccount(host, c.get(Settings.SFTP_PORT, district), user, directory, password, keyFile,
                c.get(Settings.SFTP_PRIVATE_KEY_PASSPHRASE, district), knownHosts, strict,
                c.get(Settings.SFTP_AFTER_DOWNLOAD, district), moveTo, c.get(Settings.SFTP_TIMEOUT, district));
    }

    /** Never the password or passphrase: a record would print every field. */
    @Override
    public String toString() {
        return "SftpAccount[" + user + "@" + server() + "/" + directory + ", strict host key checking "
                + strictHostKeyChecking + ", after download " + afterDownload + "]";
    }

    /** host:port, for messages (never the user or a secret). */
    public String server() {
        return host + ":" + port;
    }

    /**
     * The parameters of the clever-sftp route template (routes/clever-sftp.camel.yaml) for this
     * account. {@code move} is given only when files are moved: an empty move would be a move too.
     */
    Map<String, String> templateParameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("host", host);
        p.put("port", Integer.toString(port));
        p.put("directory", directory);
        p.put("username", user);
        p.put("password", password);
        p.put("privateKeyFile", privateKeyFile == null ? "" : privateKeyFile.toString());
        p.put("privateKeyPassphrase", privateKeyPassphrase);
        // with checking off, no known_hosts is read or written: the operator's file is left alone
        p.put("knownHostsFile", strictHostKeyChecking ? knownHostsFile.toString() : "");
        p.put("strictHostKeyChecking", strictHostKeyChecking ? "yes" : "no");
        p.put("noop", Boolean.toString(afterDownload.equals("keep")));
        p.put("delete", Boolean.toString(afterDownload.equals("delete")));
        if (afterDownload.equals("move")) {
            p.put("move", moveTo + "/${date:now:yyyyMMdd-HHmmss}-${file:name}");
        }
        p.put("timeoutMillis", Long.toString(timeout.toMillis()));
        return p;
    }
}
