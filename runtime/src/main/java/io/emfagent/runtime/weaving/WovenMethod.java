package io.emfagent.runtime.weaving;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Writes the recording code into one method as its original code is read (with expanded frames).
 *
 * <pre>
 *   values = 0; start = 0                        (entered = null: suspend functions)
 *   try { values = dimensions; start = nanoTime  (continuation = suspendEnter(...)) }
 *   catch (Throwable suppressed) { values = 0; start = 0 }
 *   try { original code, each return storing its result and going to EXIT }
 *   catch (Throwable thrown) { try { failure(...) } catch (Throwable suppressed) {} throw thrown; }
 *   EXIT: try { success(...) (or result = completion(...)) } catch (Throwable suppressed) {} return result;
 * </pre>
 *
 * The method's own locals keep their slots; the recording's live above them, in every frame of the
 * original code, so that the exits can read them. A throwable of the method passes through
 * untouched (same instance, same stack trace); one of the recording is dropped, and the method's
 * own result stays.
 */
final class WovenMethod extends MethodVisitor {

    private static final String BRIDGE = "io/emfagent/bridge/EmfBridge";
    private static final String THROWABLE = "java/lang/Throwable";
    private static final String OBJECT = "java/lang/Object";
    /** Enough for the longest call the recording makes (id, start, result, thrown, mayWrap, values). */
    private static final int STACK = 8;
    private static final Object[] NONE = {};

    private final int id;
    private final boolean timed;
    private final ResultKind kind;
    /** The {@code @Dimension} parameters' indexes, in the order of the method's dimensions. */
    private final List<Integer> arguments;
    private final boolean frames;
    private final Type[] parameters;
    private final Type returned;
    private final boolean isStatic;
    /** The frame entries of the method's receiver and parameters, as the method is entered. */
    private final Object[] entryLocals;
    private final OperandStack stack = new OperandStack();

    // the recording's locals, above the method's own
    private final int values;
    private final int start;
    private final int entered;
    private final int result;
    private final int thrown;
    private final int maxLocals;

    private final Label bodyStart = new Label();
    private final Label exit = new Label();
    /** A frame is owed where the original code starts, unless the code brings its own. */
    private boolean bodyFrameOwed;
    /**
     * The entry's try block (start, end, handler), or null: entered in the exception table after the
     * method's own blocks, so that theirs keep their indexes (type annotations on a catch refer to them).
     */
    private Label[] enterBlock;

    /**
     * @param ownLocals the method's own number of local variable slots (its {@code max_locals})
     * @param frames whether the class file has stack map frames (version 50 and later)
     */
    WovenMethod(MethodVisitor writer, String owner, int access, String descriptor, int ownLocals, boolean frames,
            int id, boolean timed, ResultKind kind, List<Integer> argumentParameters) {
        super(Opcodes.ASM9, writer);
        this.id = id;
        this.timed = timed;
        this.kind = kind;
        this.frames = frames;
        this.isStatic = (access & Opcodes.ACC_STATIC) != 0;
        this.parameters = Type.getArgumentTypes(descriptor);
        this.returned = Type.getReturnType(descriptor);
        this.arguments = argumentParameters;
        List<Object> entry = new ArrayList<>();
        if (!isStatic) {
            entry.add(owner);
        }
        for (Type parameter : parameters) {
            entry.add(frameType(parameter));
        }
        this.entryLocals = entry.toArray();
        int own = Math.max(ownLocals, (Type.getArgumentsAndReturnSizes(descriptor) >> 2) - (isStatic ? 1 : 0));
        this.values = own;
        this.start = own + 2;
        this.entered = own + 4;
        this.result = own + 5;
        this.thrown = result + 2;
        this.maxLocals = thrown + 1;
    }

    @Override
    public void visitCode() {
        super.visitCode();
        lconst0(values);
        lconst0(start);
        if (kind == ResultKind.SUSPENDING) {
            super.visitInsn(Opcodes.ACONST_NULL);
            super.visitVarInsn(Opcodes.ASTORE, entered);
        }
        if (!timed && arguments.isEmpty() && kind != ResultKind.SUSPENDING) {
            super.visitLabel(bodyStart); // nothing to call on the way in
            return;
        }
        Label tryStart = new Label();
        Label tryEnd = new Label();
        Label suppressed = new Label();
        enterBlock = new Label[] {tryStart, tryEnd, suppressed};
        super.visitLabel(tryStart);
        if (!arguments.isEmpty()) {
            super.visitInsn(Opcodes.LCONST_0);
            for (int k = 0; k < arguments.size(); k++) {
                int index = arguments.get(k);
                Type type = parameters[index];
                push(id);
                push(k);
                super.visitVarInsn(type.getOpcode(Opcodes.ILOAD), slotOf(index));
                String passed = switch (type.getSort()) {
                    case Type.BOOLEAN -> "Z";
                    case Type.LONG -> "J";
                    case Type.BYTE, Type.SHORT, Type.INT, Type.CHAR -> {
                        super.visitInsn(Opcodes.I2L);
                        yield "J";
                    }
                    default -> "L" + OBJECT + ";";
                };
                bridge("dimension", "(JII" + passed + ")J");
            }
            super.visitVarInsn(Opcodes.LSTORE, values);
        }
        if (timed) {
            super.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/System", "nanoTime", "()J", false);
            super.visitVarInsn(Opcodes.LSTORE, start);
        }
        if (kind == ResultKind.SUSPENDING) {
            int continuation = slotOf(parameters.length - 1);
            push(id);
            super.visitVarInsn(Opcodes.LLOAD, start);
            super.visitVarInsn(Opcodes.ALOAD, continuation);
            super.visitVarInsn(Opcodes.LLOAD, values);
            bridge("suspendEnter", "(IJLjava/lang/Object;J)Ljava/lang/Object;");
            super.visitInsn(Opcodes.DUP);
            super.visitVarInsn(Opcodes.ASTORE, entered);
            super.visitTypeInsn(Opcodes.CHECKCAST, parameters[parameters.length - 1].getInternalName());
            super.visitVarInsn(Opcodes.ASTORE, continuation);
        }
        super.visitLabel(tryEnd);
        super.visitJumpInsn(Opcodes.GOTO, bodyStart);
        super.visitLabel(suppressed);
        frame(entryFrame(), THROWABLE);
        super.visitInsn(Opcodes.POP);
        lconst0(values);
        lconst0(start);
        if (kind == ResultKind.SUSPENDING) {
            super.visitInsn(Opcodes.ACONST_NULL);
            super.visitVarInsn(Opcodes.ASTORE, entered);
        }
        super.visitLabel(bodyStart);
        bodyFrameOwed = frames;
    }

    // ---- the original code: each instruction is followed on the operand stack, then written as it is

    @Override
    public void visitFrame(int type, int localCount, Object[] locals, int stackCount, Object[] stackTypes) {
        stack.frame(stackCount, stackTypes);
        if (!frames) {
            super.visitFrame(type, localCount, locals, stackCount, stackTypes);
            return;
        }
        bodyFrameOwed = false; // the code's own frame, where the code starts, is the one there
        Object[] extended = frameLocals(Arrays.copyOf(locals, localCount), null, null);
        super.visitFrame(Opcodes.F_NEW, extended.length, extended, stackCount, stackTypes);
    }

    @Override
    public void visitLabel(Label label) {
        stack.label(label);
        super.visitLabel(label);
    }

    @Override
    public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
        stack.handler(handler);
        super.visitTryCatchBlock(start, end, handler, type);
    }

    @Override
    public void visitInsn(int opcode) {
        owedFrame();
        if (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
            toExit(opcode);
            stack.insn(opcode);
            return;
        }
        stack.insn(opcode);
        super.visitInsn(opcode);
    }

    @Override
    public void visitIntInsn(int opcode, int operand) {
        owedFrame();
        stack.intInsn(opcode);
        super.visitIntInsn(opcode, operand);
    }

    @Override
    public void visitVarInsn(int opcode, int varIndex) {
        owedFrame();
        stack.varInsn(opcode);
        super.visitVarInsn(opcode, varIndex);
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
        owedFrame();
        stack.typeInsn(opcode);
        super.visitTypeInsn(opcode, type);
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
        owedFrame();
        stack.fieldInsn(opcode, descriptor);
        super.visitFieldInsn(opcode, owner, name, descriptor);
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        owedFrame();
        stack.invoke(descriptor, opcode != Opcodes.INVOKESTATIC);
        super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
    }

    @Override
    public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
        owedFrame();
        stack.invoke(descriptor, false);
        super.visitInvokeDynamicInsn(name, descriptor, bootstrap, arguments);
    }

    @Override
    public void visitJumpInsn(int opcode, Label label) {
        owedFrame();
        stack.jump(opcode, label);
        super.visitJumpInsn(opcode, label);
    }

    @Override
    public void visitLdcInsn(Object value) {
        owedFrame();
        stack.ldc(value);
        super.visitLdcInsn(value);
    }

    @Override
    public void visitIincInsn(int varIndex, int increment) {
        owedFrame();
        super.visitIincInsn(varIndex, increment);
    }

    @Override
    public void visitTableSwitchInsn(int min, int max, Label fallback, Label... labels) {
        owedFrame();
        stack.switchInsn(fallback, labels);
        super.visitTableSwitchInsn(min, max, fallback, labels);
    }

    @Override
    public void visitLookupSwitchInsn(Label fallback, int[] keys, Label[] labels) {
        owedFrame();
        stack.switchInsn(fallback, labels);
        super.visitLookupSwitchInsn(fallback, keys, labels);
    }

    @Override
    public void visitMultiANewArrayInsn(String descriptor, int dimensions) {
        owedFrame();
        stack.multiANewArray(dimensions);
        super.visitMultiANewArrayInsn(descriptor, dimensions);
    }

    // ---- the exits, written after the original code

    @Override
    public void visitMaxs(int maxStack, int ownMaxLocals) {
        owedFrame();
        if (enterBlock != null) {
            super.visitTryCatchBlock(enterBlock[0], enterBlock[1], enterBlock[2], THROWABLE);
        }
        Label bodyEnd = new Label();
        super.visitLabel(bodyEnd);
        Label onThrowable = new Label();
        super.visitTryCatchBlock(bodyStart, bodyEnd, onThrowable, THROWABLE);

        // returned: record, then return the result (the one the recording gives, if it gives one)
        Object[] exitLocals = frameLocals(NONE, returned.getSort() == Type.VOID ? null : frameType(returned), null);
        super.visitLabel(exit);
        frame(exitLocals);
        Label[] returning = suppressedStart();
        switch (kind) {
            case PLAIN -> {
                push(id);
                super.visitVarInsn(Opcodes.LLOAD, start);
                super.visitVarInsn(Opcodes.LLOAD, values);
                bridge("success", "(IJJ)V");
            }
            case ASYNCHRONOUS, WRAPPABLE -> {
                completion(true);
                super.visitTypeInsn(Opcodes.CHECKCAST, returned.getInternalName());
                super.visitVarInsn(Opcodes.ASTORE, result);
            }
            case SUSPENDING -> suspendExit(true);
        }
        suppressedEnd(returning, exitLocals);
        super.visitLabel(returning[AFTER]);
        frame(exitLocals);
        if (returned.getSort() != Type.VOID) {
            super.visitVarInsn(returned.getOpcode(Opcodes.ILOAD), result);
        }
        super.visitInsn(returned.getOpcode(Opcodes.IRETURN));

        // threw: record, then throw the same throwable on
        super.visitLabel(onThrowable);
        frame(frameLocals(NONE, null, null), THROWABLE);
        super.visitVarInsn(Opcodes.ASTORE, thrown);
        Object[] thrownLocals = frameLocals(NONE, null, THROWABLE);
        Label[] rethrowing = suppressedStart();
        switch (kind) {
            case PLAIN -> {
                push(id);
                super.visitVarInsn(Opcodes.LLOAD, start);
                super.visitVarInsn(Opcodes.ALOAD, thrown);
                super.visitVarInsn(Opcodes.LLOAD, values);
                bridge("failure", "(IJLjava/lang/Throwable;J)V");
            }
            case ASYNCHRONOUS, WRAPPABLE -> {
                completion(false);
                super.visitInsn(Opcodes.POP);
            }
            case SUSPENDING -> suspendExit(false);
        }
        suppressedEnd(rethrowing, thrownLocals);
        super.visitLabel(rethrowing[AFTER]);
        frame(thrownLocals);
        super.visitVarInsn(Opcodes.ALOAD, thrown);
        super.visitInsn(Opcodes.ATHROW);
        super.visitMaxs(Math.max(maxStack, STACK), Math.max(ownMaxLocals, maxLocals));
    }

    private static final int AFTER = 3;

    /**
     * Opens a try block whose throwables are dropped: its labels (start, end, handler, and the one
     * both ways go on at, {@link #AFTER}); the code in it follows, then {@link #suppressedEnd}.
     */
    private Label[] suppressedStart() {
        Label[] labels = {new Label(), new Label(), new Label(), new Label()};
        super.visitTryCatchBlock(labels[0], labels[1], labels[2], THROWABLE);
        super.visitLabel(labels[0]);
        return labels;
    }

    /** Closes the try block: on to {@code AFTER}, or to the handler, which drops the throwable. */
    private void suppressedEnd(Label[] labels, Object[] locals) {
        super.visitLabel(labels[1]);
        super.visitJumpInsn(Opcodes.GOTO, labels[AFTER]);
        super.visitLabel(labels[2]);
        frame(locals, THROWABLE);
        super.visitInsn(Opcodes.POP);
    }

    /** {@code EmfBridge.completion(id, start, result or null, null or thrown, mayWrap, values)}, its result on the stack. */
    private void completion(boolean returnedNormally) {
        push(id);
        super.visitVarInsn(Opcodes.LLOAD, start);
        resultOrThrown(returnedNormally);
        push(kind == ResultKind.WRAPPABLE ? 1 : 0);
        super.visitVarInsn(Opcodes.LLOAD, values);
        bridge("completion", "(IJLjava/lang/Object;Ljava/lang/Throwable;ZJ)Ljava/lang/Object;");
    }

    private void suspendExit(boolean returnedNormally) {
        push(id);
        super.visitVarInsn(Opcodes.LLOAD, start);
        super.visitVarInsn(Opcodes.ALOAD, entered);
        resultOrThrown(returnedNormally);
        super.visitVarInsn(Opcodes.LLOAD, values);
        bridge("suspendExit", "(IJLjava/lang/Object;Ljava/lang/Object;Ljava/lang/Throwable;J)V");
    }

    private void resultOrThrown(boolean returnedNormally) {
        if (returnedNormally) {
            super.visitVarInsn(Opcodes.ALOAD, result);
            super.visitInsn(Opcodes.ACONST_NULL);
        } else {
            super.visitInsn(Opcodes.ACONST_NULL);
            super.visitVarInsn(Opcodes.ALOAD, thrown);
        }
    }

    /** A return of the original code: its result is stored, whatever lies below it popped, and the exit taken. */
    private void toExit(int opcode) {
        int[] sizes = stack.sizes();
        int below = sizes.length;
        if (opcode != Opcodes.RETURN) {
            super.visitVarInsn(returned.getOpcode(Opcodes.ISTORE), result);
            below--;
        }
        for (int i = below - 1; i >= 0; i--) {
            super.visitInsn(sizes[i] == 2 ? Opcodes.POP2 : Opcodes.POP);
        }
        super.visitJumpInsn(Opcodes.GOTO, exit);
    }

    private void owedFrame() {
        if (bodyFrameOwed) {
            bodyFrameOwed = false;
            frame(entryFrame());
        }
    }

    /** The locals where the original code starts: receiver, parameters, then the recording's. */
    private Object[] entryFrame() {
        return frameLocals(entryLocals, null, null);
    }

    /**
     * A frame's locals: the method's own ({@code own}; none at the exits, where they are of no more
     * use), unknown slots up to the recording's, then values, start (and, for a suspend function,
     * the continuation entered with), then the result or the throwable when given.
     */
    private Object[] frameLocals(Object[] own, Object resultType, Object thrownType) {
        List<Object> locals = new ArrayList<>(own.length + 10);
        int slots = 0;
        for (Object local : own) {
            locals.add(local);
            slots += local == Opcodes.LONG || local == Opcodes.DOUBLE ? 2 : 1;
        }
        slots = padTo(locals, slots, values);
        locals.add(Opcodes.LONG);
        locals.add(Opcodes.LONG);
        slots += 4;
        if (kind == ResultKind.SUSPENDING) {
            locals.add(OBJECT);
            slots++;
        }
        if (resultType != null) {
            padTo(locals, slots, result);
            locals.add(resultType);
        } else if (thrownType != null) {
            padTo(locals, slots, thrown);
            locals.add(thrownType);
        }
        return locals.toArray();
    }

    private static int padTo(List<Object> locals, int slots, int slot) {
        for (; slots < slot; slots++) {
            locals.add(Opcodes.TOP);
        }
        return slots;
    }

    private void frame(Object[] locals, Object... stackTypes) {
        if (frames) {
            super.visitFrame(Opcodes.F_NEW, locals.length, locals, stackTypes.length, stackTypes);
        }
    }

    private static Object frameType(Type type) {
        return switch (type.getSort()) {
            case Type.BOOLEAN, Type.BYTE, Type.SHORT, Type.CHAR, Type.INT -> Opcodes.INTEGER;
            case Type.LONG -> Opcodes.LONG;
            case Type.FLOAT -> Opcodes.FLOAT;
            case Type.DOUBLE -> Opcodes.DOUBLE;
            default -> type.getInternalName();
        };
    }

    private int slotOf(int parameter) {
        int slot = isStatic ? 0 : 1;
        for (int i = 0; i < parameter; i++) {
            slot += parameters[i].getSize();
        }
        return slot;
    }

    private void lconst0(int slot) {
        super.visitInsn(Opcodes.LCONST_0);
        super.visitVarInsn(Opcodes.LSTORE, slot);
    }

    private void push(int value) {
        if (value >= -1 && value <= 5) {
            super.visitInsn(Opcodes.ICONST_0 + value);
        } else if (value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE) {
            super.visitIntInsn(Opcodes.BIPUSH, value);
        } else if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) {
            super.visitIntInsn(Opcodes.SIPUSH, value);
        } else {
            super.visitLdcInsn(value);
        }
    }

    private void bridge(String name, String descriptor) {
        super.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, name, descriptor, false);
    }
}
