package org.rollcall.bench;

import org.rollcall.sandbox.EdFiSandbox;
import org.rollcall.sandbox.SandboxOptions;

/** The sandbox alone, in memory, in its own JVM: the benchmark's target, so its CPU and heap are not the hub's. */
public final class SandboxProcess {

    private SandboxProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        EdFiSandbox sandbox = EdFiSandbox.start(SandboxOptions.inMemory().withPort(Integer.parseInt(args[0])));
        System.out.println("ready " + sandbox.rootUrl());
        System.out.flush();
        Thread.currentThread().join();
    }
}
