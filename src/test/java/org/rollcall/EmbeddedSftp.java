package org.rollcall;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * A real SFTP server (Apache MINA SSHD) on a free loopback port for the integration tests: one
 * user with a password and/or an authorized public key, a folder of its own as the login folder,
 * an EC host key, and on request a connection that drops in the middle of a download.
 */
final class EmbeddedSftp implements AutoCloseable {

    static final String USER = "district";

    private final SshServer server;
    private final Path root;
    private final KeyPair hostKey;
    private final Map<String, AtomicInteger> reads = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> dropsLeft = new ConcurrentHashMap<>();

    private EmbeddedSftp(SshServer server, Path root, KeyPair hostKey) {
        this.server = server;
        this.root = root;
        this.hostKey = hostKey;
    }

    /**
     * Starts a server serving {@code root}; {@code password} (or null) and {@code clientKey} (or
     * null) are what the user may log in with.
     */
    static EmbeddedSftp start(Path work, String password, PublicKey clientKey) {
        try {
            Path root = Files.createDirectories(work.resolve("sftp-root"));
            SimpleGeneratorHostKeyProvider keys = new SimpleGeneratorHostKeyProvider(work.resolve("hostkey.ser"));
            keys.setAlgorithm(KeyUtils.EC_ALGORITHM);
            keys.setKeySize(256);
            KeyPair hostKey = keys.loadKeys(null).iterator().next();
            SshServer sshd = SshServer.setUpDefaultServer();
            sshd.setHost("127.0.0.1");
            sshd.setPort(0);
            sshd.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
            if (password != null) {
                sshd.setPasswordAuthenticator((user, pass, session) -> USER.equals(user) && password.equals(pass));
            }
            if (clientKey != null) {
                sshd.setPublickeyAuthenticator((user, key, session) -> USER.equals(user)
                        && KeyUtils.compareKeys(clientKey, key));
            }
            sshd.setFileSystemFactory(new VirtualFileSystemFactory(root));
            SftpSubsystemFactory sftp = new SftpSubsystemFactory.Builder().build();
            EmbeddedSftp out = new EmbeddedSftp(sshd, root, hostKey);
            sftp.addSftpEventListener(out.listener());
            sshd.setSubsystemFactories(List.of(sftp));
            sshd.start();
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the test SFTP server", e);
        }
    }

    private SftpEventListener listener() {
        return new SftpEventListener() {
            @Override
            public void reading(ServerSession session, String remoteHandle, FileHandle localHandle, long offset,
                                byte[] data, int dataOffset, int dataLen) throws IOException {
                String name = localHandle.getFile().getFileName().toString();
                if (offset == 0) {
                    reads.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
                }
                AtomicInteger left = dropsLeft.get(name);
                // the server goes away once the first part of the file is on its way
                if (offset > 0 && left != null && left.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    session.close(true);
                    throw new IOException("connection dropped by the test");
                }
            }
        };
    }

    int port() {
        return server.getPort();
    }

    /** The login folder: what the district uploads goes here. */
    Path root() {
        return root;
    }

    /** A known_hosts line for this server's host key, as ssh-keyscan writes it. */
    String knownHostsLine() {
        return "[127.0.0.1]:" + port() + " " + PublicKeyEntry.toString(hostKey.getPublic());
    }

    /** A known_hosts line naming this server with some other key: what a man in the middle would look like. */
    String wrongKnownHostsLine() {
        try {
            KeyPair other = KeyUtils.generateKeyPair(KeyPairProvider.ECDSA_SHA2_NISTP256, 256);
            return "[127.0.0.1]:" + port() + " " + PublicKeyEntry.toString(other.getPublic());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes a known_hosts file holding {@code line}. */
    static Path knownHosts(Path dir, String line) {
        try {
            return Files.writeString(dir.resolve("known_hosts"), line + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next {@code times} downloads of {@code fileName} lose the connection partway. */
    void dropConnectionDuring(String fileName, int times) {
        dropsLeft.put(fileName, new AtomicInteger(times));
    }

    /** How many times a download of {@code fileName} was started. */
    int downloadsOf(String fileName) {
        AtomicInteger n = reads.get(fileName);
        return n == null ? 0 : n.get();
    }

    @Override
    public void close() {
        try {
            server.stop(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
