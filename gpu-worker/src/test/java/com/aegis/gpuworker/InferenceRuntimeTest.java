package com.aegis.gpuworker;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The bundled PyTorch natives load offline and compute; the build's test JVM runs with ai.djl.offline=true. */
class InferenceRuntimeTest {

    @Test
    void loadsPyTorchOfflineAndComputesOnTheChosenDevice() {
        InferenceRuntime runtime = InferenceRuntime.detect();

        assertThat(runtime.engine()).isEqualTo("PyTorch");
        assertThat(runtime.engineVersion()).startsWith("2.7");
        assertThat(runtime.onGpu()).isEqualTo(runtime.gpuCount() > 0);
        try (NDManager manager = NDManager.newBaseManager(runtime.device())) {
            NDArray a = manager.create(new float[] {1, 2, 3, 4}, new Shape(2, 2));
            NDArray product = a.matMul(a);
            assertThat(product.toFloatArray()).containsExactly(7f, 10f, 15f, 22f);
        }
    }
}
