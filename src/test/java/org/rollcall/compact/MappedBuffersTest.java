package org.rollcall.compact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappedBuffersTest {

    @TempDir
    Path dir;

    @Test
    void aBufferStartsZeroedAndLeavesNoFileBehind() throws Exception {
        ByteBuffer b = MappedBuffers.allocate(dir.resolve("run-1"), 1 << 20);
        assertThat(b.capacity()).isEqualTo(1 << 20);
        assertThat(b.isDirect()).as("off the heap").isTrue();
        assertThat(b.getLong(0)).isZero();
        assertThat(b.getLong((1 << 20) - 8)).isZero();
        b.putLong(8, 42);
        assertThat(b.getLong(8)).isEqualTo(42);
        try (var files = Files.list(dir.resolve("run-1"))) {
            assertThat(files.toList()).as("the file is gone from the folder once mapped").isEmpty();
        }
    }

    @Test
    void growingKeepsTheContent() {
        ByteBuffer small = MappedBuffers.allocate(dir, 64);
        small.putLong(56, -7);
        assertThat(MappedBuffers.ensure(dir, small, 64)).as("big enough already").isSameAs(small);
        ByteBuffer big = MappedBuffers.ensure(dir, small, 4096);
        assertThat(big.capacity()).isEqualTo(4096);
        assertThat(big.getLong(56)).isEqualTo(-7);
        assertThat(big.getLong(64)).isZero();
    }

    @Test
    void aSizeAMappingCannotHoldIsRefused() {
        assertThatThrownBy(() -> MappedBuffers.allocate(dir, MappedBuffers.MAX_BYTES + 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most");
    }
}
