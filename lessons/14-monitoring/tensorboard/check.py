from tensorboard.backend.event_processing.event_accumulator import (
    EventAccumulator,
)

expect(
    writer.file_writer is None,
    "writer is still open: call writer.close() after the loop, so "
    "every event reaches the file on disk",
    "writer가 아직 열려 있습니다. 루프가 끝나면 writer.close()를 "
    "호출해서 모든 이벤트가 디스크의 파일에 닿게 하세요",
)
# Read the event file back from disk, as TensorBoard would.
events = EventAccumulator(
    log_dir, size_guidance={"scalars": 0, "histograms": 0}
)
events.Reload()
tags = events.Tags()
expect(
    "loss" in tags["scalars"],
    f"the event file in log_dir holds the scalars {tags['scalars']}; "
    "log writer.add_scalar('loss', loss.item(), epoch)",
    f"log_dir의 이벤트 파일에 있는 스칼라는 {tags['scalars']}입니다. "
    "writer.add_scalar('loss', loss.item(), epoch)로 기록하세요",
)
steps = [e.step for e in events.Scalars("loss")]
expect(
    steps == list(range(20)),
    f"the losses are logged at steps {steps}; pass global_step=epoch "
    "(add_scalar('loss', value, epoch)), or TensorBoard draws them all "
    "at one x",
    f"손실이 스텝 {steps}에 기록되었습니다. global_step=epoch를 "
    "넘기세요(add_scalar('loss', value, epoch)). 그렇지 않으면 "
    "TensorBoard가 모두 같은 x에 그립니다",
)
values = [e.value for e in events.Scalars("loss")]
expect(
    abs(values[-1] - loss.item()) < 1e-4 * max(1.0, loss.item()),
    f"the last logged loss is {values[-1]:.4g}; the last loss is "
    f"{loss.item():.4g}",
    f"마지막으로 기록한 손실이 {values[-1]:.4g}입니다. 마지막 손실은 "
    f"{loss.item():.4g}입니다",
)
expect(
    "layer0.weight" in tags["histograms"],
    f"the event file holds the histograms {tags['histograms']}; log "
    "writer.add_histogram('layer0.weight', model[0].weight, epoch)",
    f"이벤트 파일에 있는 히스토그램은 {tags['histograms']}입니다. "
    "writer.add_histogram('layer0.weight', model[0].weight, epoch)로 "
    "기록하세요",
)
last = events.Histograms("layer0.weight")[-1].histogram_value
weight = model[0].weight.detach()
expect(
    last.num == weight.numel()
    and abs(last.sum - weight.sum().item()) < 1e-3,
    f"the last 'layer0.weight' histogram holds {last.num:.4g} values "
    f"summing to {last.sum:.4g}; model[0].weight has {weight.numel()} "
    f"summing to {weight.sum().item():.4g}: log the weights themselves",
    f"마지막 'layer0.weight' 히스토그램에는 값이 {last.num:.4g}개 "
    f"있고 합은 {last.sum:.4g}입니다. model[0].weight는 "
    f"{weight.numel()}개, 합 {weight.sum().item():.4g}입니다. "
    "가중치 자체를 기록하세요",
)
