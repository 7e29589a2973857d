package gd.matrix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The vector factories, and index errors that name the matrix's shape, the access and the index. */
class MatrixAccessTest {
    private static final Matrix M = Matrix.of(new double[] {1, 2, 3}, new double[] {4, 5, 6});

    private static void fails(String message, Executable access) {
        assertEquals(message, assertThrows(IndexOutOfBoundsException.class, access).getMessage());
    }

    @Test
    void vectorFactoriesMakeOneRowOrOneColumn() {
        assertEquals(Matrix.of(new double[] {1, 2, 3}), Matrix.rowVector(1, 2, 3));
        assertEquals(Matrix.of(new double[] {1}, new double[] {2}, new double[] {3}), Matrix.columnVector(1, 2, 3));
        assertEquals("1×0", Matrix.rowVector().shape());
        assertEquals("0×1", Matrix.columnVector().shape());
        double[] values = {7, 8};
        Matrix row = Matrix.rowVector(values);
        values[0] = 0;
        assertEquals(7, row.get(0, 0), "the values are copied");
    }

    @Test
    void accessorsInsideTheMatrixWorkAsBefore() {
        assertEquals(6, M.get(1, 2));
        Matrix m = M.copy();
        m.set(0, 1, -2);
        assertEquals(-2, m.get(0, 1));
        assertArrayEquals(new double[] {4, 5, 6}, M.row(1));
        assertEquals(Matrix.rowVector(1, 2, 3), M.rowMatrix(0));
        assertArrayEquals(new double[] {3, 6}, M.column(2));
        assertEquals(Matrix.rowVector(4, 5, 6), M.rows(new int[] {1}));
        assertEquals("0×3", M.rows(2, 2).shape());
    }

    @Test
    void indexErrorsNameTheShapeTheAccessAndTheIndex() {
        fails("Matrix(2×3).get(5, 5): row 5 is outside 0…1", () -> M.get(5, 5));
        fails("Matrix(2×3).get(1, 3): column 3 is outside 0…2", () -> M.get(1, 3));
        fails("Matrix(2×3).get(-1, 0): row -1 is outside 0…1", () -> M.get(-1, 0));
        fails("Matrix(2×3).set(0, -1, 2.5): column -1 is outside 0…2", () -> M.copy().set(0, -1, 2.5));
        fails("Matrix(2×3).row(2): row 2 is outside 0…1", () -> M.row(2));
        fails("Matrix(2×3).rowMatrix(-1): row -1 is outside 0…1", () -> M.rowMatrix(-1));
        fails("Matrix(2×3).column(3): column 3 is outside 0…2", () -> M.column(3));
        fails("Matrix(2×3).rows(indices): indices[1] = 2 is outside 0…1", () -> M.rows(new int[] {0, 2}));
        fails("Matrix(2×3).rows(1, 3): needs 0 ≤ from ≤ to ≤ 2", () -> M.rows(1, 3));
        fails("Matrix(2×3).rows(2, 1): needs 0 ≤ from ≤ to ≤ 2", () -> M.rows(2, 1));
        fails("Matrix(0×3).get(0, 0): row 0 does not exist (the matrix has no rows)",
                () -> Matrix.zeros(0, 3).get(0, 0));
        fails("Matrix(2×0).column(0): column 0 does not exist (the matrix has no columns)",
                () -> Matrix.zeros(2, 0).column(0));
        fails("Matrix(0×3).column(3): column 3 is outside 0…2", () -> Matrix.zeros(0, 3).column(3));
    }
}
