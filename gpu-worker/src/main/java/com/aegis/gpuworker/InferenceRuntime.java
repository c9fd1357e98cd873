package com.aegis.gpuworker;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;

/**
 * The deep-learning runtime this process scores on: the PyTorch engine, its version, and the device (the first GPU when
 * CUDA is present, the CPU otherwise). Natives come from the bundled jar; the process must run with
 * {@code -Dai.djl.offline=true} so a missing native fails fast instead of reaching for the network.
 */
public record InferenceRuntime(String engine, String engineVersion, Device device, int gpuCount) {

    public static final String ENGINE = "PyTorch";

    /** Loads the PyTorch engine and picks the device; fails with an actionable message if the natives are missing. */
    public static InferenceRuntime detect() {
        if (!Boolean.parseBoolean(System.getProperty("ai.djl.offline", "false"))) {
            throw new IllegalStateException("Set -Dai.djl.offline=true: AEGIS ships the PyTorch natives in its jars "
                    + "and must never download them at run time.");
        }
        try {
            Engine engine = Engine.getEngine(ENGINE);
            int gpus = engine.getGpuCount();
            Device device = gpus > 0 ? Device.gpu() : Device.cpu();
            return new InferenceRuntime(engine.getEngineName(), engine.getVersion(), device, gpus);
        } catch (EngineException | IllegalArgumentException e) {
            throw new IllegalStateException("The PyTorch engine could not be loaded (" + e.getMessage() + "). "
                    + "Check that ai.djl.pytorch:pytorch-native-cpu (classifier linux-x86_64) is on the classpath.", e);
        }
    }

    public boolean onGpu() {
        return device.isGpu();
    }
}
