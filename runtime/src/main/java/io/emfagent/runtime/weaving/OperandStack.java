package io.emfagent.runtime.weaving;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Label;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The sizes (one slot or two) of the values on a method's operand stack, followed instruction by
 * instruction as its code is read: a woven method's return goes to one exit, which has to be reached
 * with an empty stack, so whatever the method leaves below its result is popped first. The stack is
 * taken from each stack map frame as it is, and between frames from what each instruction does;
 * class files old enough to have no frames are followed through their jumps.
 */
final class OperandStack {

    /** The sizes, bottom first. */
    private int[] sizes = new int[8];
    private int depth;
    /** What jumps and exception handlers say the stack is at their targets. */
    private final Map<Label, int[]> atLabels = new HashMap<>();

    /** The values' sizes, bottom first. */
    int[] sizes() {
        return Arrays.copyOf(sizes, depth);
    }

    /** Sets the stack as a stack map frame lists it (a long or a double is one entry). */
    void frame(int count, Object[] types) {
        depth = 0;
        for (int i = 0; i < count; i++) {
            push(types[i] == Opcodes.LONG || types[i] == Opcodes.DOUBLE ? 2 : 1);
        }
    }

    void label(Label label) {
        int[] known = atLabels.get(label);
        if (known != null) {
            sizes = Arrays.copyOf(known, Math.max(known.length, 8));
            depth = known.length;
        }
    }

    void handler(Label handler) {
        atLabels.put(handler, new int[] {1});
    }

    void insn(int opcode) {
        if (opcode == Opcodes.NOP) {
            return;
        }
        if (opcode <= Opcodes.DCONST_1) { // ACONST_NULL .. DCONST_1
            push(opcode == Opcodes.LCONST_0 || opcode == Opcodes.LCONST_1 || opcode >= Opcodes.DCONST_0 ? 2 : 1);
        } else if (opcode >= Opcodes.IALOAD && opcode <= Opcodes.SALOAD) {
            pop(2);
            push(opcode == Opcodes.LALOAD || opcode == Opcodes.DALOAD ? 2 : 1);
        } else if (opcode >= Opcodes.IASTORE && opcode <= Opcodes.SASTORE) {
            pop(3);
        } else if (opcode == Opcodes.POP || opcode == Opcodes.POP2) {
            popSlots(opcode == Opcodes.POP ? 1 : 2);
        } else if (opcode >= Opcodes.DUP && opcode <= Opcodes.DUP2_X2) {
            int copied = opcode >= Opcodes.DUP2 ? 2 : 1;
            dup(copied, opcode - (copied == 2 ? Opcodes.DUP2 : Opcodes.DUP));
        } else if (opcode == Opcodes.SWAP) {
            int top = sizes[depth - 1];
            sizes[depth - 1] = sizes[depth - 2];
            sizes[depth - 2] = top;
        } else if (opcode >= Opcodes.IADD && opcode <= Opcodes.DREM) {
            pop(2);
            push(isWide(opcode) ? 2 : 1);
        } else if (opcode >= Opcodes.IAND && opcode <= Opcodes.LXOR) {
            pop(2);
            push(opcode % 2 == 1 ? 2 : 1); // LAND, LOR, LXOR are odd
        } else if (opcode >= Opcodes.INEG && opcode <= Opcodes.DNEG) {
            pop(1);
            push(isWide(opcode) ? 2 : 1);
        } else if (opcode >= Opcodes.ISHL && opcode <= Opcodes.LUSHR) {
            pop(2);
            push(opcode % 2 == 1 ? 2 : 1); // LSHL, LSHR, LUSHR are odd
        } else if (opcode >= Opcodes.I2L && opcode <= Opcodes.I2S) {
            pop(1);
            push(opcode == Opcodes.I2L || opcode == Opcodes.I2D || opcode == Opcodes.L2D || opcode == Opcodes.F2L
                    || opcode == Opcodes.F2D || opcode == Opcodes.D2L ? 2 : 1);
        } else if (opcode >= Opcodes.LCMP && opcode <= Opcodes.DCMPG) {
            pop(2);
            push(1);
        } else if (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN || opcode == Opcodes.ATHROW) {
            depth = 0;
        } else if (opcode == Opcodes.ARRAYLENGTH) {
            pop(1);
            push(1);
        } else if (opcode == Opcodes.MONITORENTER || opcode == Opcodes.MONITOREXIT) {
            pop(1);
        } else {
            throw new IllegalStateException("unknown instruction " + opcode);
        }
    }

    /** Whether an arithmetic instruction (ADD to NEG) works on longs or doubles: they come in I, L, F, D order. */
    private static boolean isWide(int opcode) {
        int kind = (opcode - Opcodes.IADD) % 4;
        return kind == 1 || kind == 3;
    }

    void intInsn(int opcode) {
        if (opcode == Opcodes.NEWARRAY) {
            pop(1);
        }
        push(1);
    }

    void varInsn(int opcode) {
        if (opcode == Opcodes.RET) {
            depth = 0;
        } else if (opcode >= Opcodes.ISTORE) {
            pop(1);
        } else {
            push(opcode == Opcodes.LLOAD || opcode == Opcodes.DLOAD ? 2 : 1);
        }
    }

    void typeInsn(int opcode) {
        if (opcode == Opcodes.NEW) {
            push(1);
        } else if (opcode != Opcodes.CHECKCAST) { // ANEWARRAY, INSTANCEOF
            pop(1);
            push(1);
        }
    }

    void fieldInsn(int opcode, String descriptor) {
        int size = Type.getType(descriptor).getSize();
        switch (opcode) {
            case Opcodes.GETSTATIC -> push(size);
            case Opcodes.PUTSTATIC -> pop(1);
            case Opcodes.GETFIELD -> {
                pop(1);
                push(size);
            }
            default -> pop(2);
        }
    }

    void invoke(String descriptor, boolean hasReceiver) {
        pop(Type.getArgumentCount(descriptor) + (hasReceiver ? 1 : 0));
        int returned = Type.getReturnType(descriptor).getSize();
        if (returned > 0) {
            push(returned);
        }
    }

    void ldc(Object value) {
        boolean wide = value instanceof Long || value instanceof Double
                || value instanceof ConstantDynamic constant && constant.getSize() == 2;
        push(wide ? 2 : 1);
    }

    void jump(int opcode, Label target) {
        if (opcode >= Opcodes.IFEQ && opcode <= Opcodes.IFLE || opcode == Opcodes.IFNULL
                || opcode == Opcodes.IFNONNULL) {
            pop(1);
        } else if (opcode >= Opcodes.IF_ICMPEQ && opcode <= Opcodes.IF_ACMPNE) {
            pop(2);
        }
        if (opcode == Opcodes.JSR) {
            push(1); // the return address, at the subroutine
            atLabels.put(target, sizes());
            pop(1);
        } else {
            atLabels.put(target, sizes());
        }
        if (opcode == Opcodes.GOTO) {
            depth = 0;
        }
    }

    void switchInsn(Label fallback, Label[] targets) {
        pop(1);
        int[] now = sizes();
        atLabels.put(fallback, now);
        for (Label target : targets) {
            atLabels.put(target, now);
        }
        depth = 0;
    }

    void multiANewArray(int dimensions) {
        pop(dimensions);
        push(1);
    }

    private void push(int size) {
        if (depth == sizes.length) {
            sizes = Arrays.copyOf(sizes, depth * 2);
        }
        sizes[depth++] = size;
    }

    private void pop(int values) {
        if (values > depth) {
            throw new IllegalStateException("the operand stack cannot be followed here");
        }
        depth -= values;
    }

    private void popSlots(int slots) {
        while (slots > 0) {
            pop(1);
            slots -= sizes[depth];
        }
        if (slots < 0) {
            throw new IllegalStateException("a value split by a pop");
        }
    }

    /** The DUP family: copies the top {@code copied} slots and puts the copy below the {@code below} slots under them. */
    private void dup(int copied, int below) {
        int[] top = takeSlots(copied);
        int[] under = takeSlots(below);
        for (int[] values : new int[][] {top, under, top}) {
            for (int size : values) {
                push(size);
            }
        }
    }

    /** Removes values from the top, as many as make {@code slots} slots; returns them bottom first. */
    private int[] takeSlots(int slots) {
        int from = depth;
        while (slots > 0) {
            pop(1);
            slots -= sizes[depth];
        }
        if (slots < 0) {
            throw new IllegalStateException("a value split by a dup");
        }
        return Arrays.copyOfRange(sizes, depth, from);
    }
}
